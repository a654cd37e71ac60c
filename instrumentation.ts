// Fail fast at start-up on a bad environment rather than on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { authSecret, env } = await import('./lib/env')
    authSecret()
    // Caller addresses come from the socket (or the trusted proxies), never from a header a
    // caller wrote: see lib/security/client-ip.ts.
    const { installSocketStamp } = await import('./lib/security/socket-stamp')
    installSocketStamp(env().TRUSTED_PROXY_HOPS)
  }
}
