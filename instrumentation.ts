// Fail fast at start-up on a bad environment rather than on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { authSecret } = await import('./lib/env')
    authSecret()
  }
}
