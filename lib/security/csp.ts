// The Content-Security-Policy of one response. Scripts run only with this response's nonce
// (Next.js puts it on its own scripts when it finds it in the request's CSP header);
// 'strict-dynamic' lets those scripts load the page's chunks. Styles may stay inline:
// React and Tailwind set style attributes, and a style cannot run code.
export function contentSecurityPolicy(nonce: string, dev: boolean) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ')
}

// The policy of every route handler's answer (JSON, files, event streams): nothing in it may run
// a script or be framed. Fixed, so the proxy makes no nonce for them.
export const API_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

export const NONCE_HEADER = 'x-nonce'

// Methods that change nothing; every other one must come from a page of this site.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
// Called by WeCom's servers (no browser, no Origin) and authenticated by its signature.
const ORIGIN_EXEMPT = ['/api/channels/wecom']

// May a request that changes state go ahead? Browsers send Origin with every POST, so a
// missing, "null" or foreign one means another site (or a tool) is calling: refused.
// `hosts` are the names this site answers to (the Host header, APP_URL's host, and the
// forwarded host when proxies are trusted).
export function originAllowed(method: string, pathname: string, origin: string | null, hosts: (string | null)[]) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true
  if (ORIGIN_EXEMPT.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return true
  if (!origin || origin === 'null') return false
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return false
  }
  return hosts.some((h) => h !== null && h.toLowerCase() === host.toLowerCase())
}
