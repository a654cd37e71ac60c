// Preloaded into the web process by bench:cpu (node --require): answers each IPC message with
// the process's own CPU time, so the bench divides CPU microseconds by requests served.
process.on('message', (m) => {
  if (m === 'cpu') process.send({ cpu: process.cpuUsage(), pid: process.pid })
})
