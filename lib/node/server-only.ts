// Outside Next (the worker, scripts, tests) every process is a server: the 'server-only' marker
// resolves here and does nothing. Next resolves the real package and refuses client imports.
export {}
