import 'server-only'
import { cookies } from 'next/headers'
import { decode } from 'next-auth/jwt'
import { authSecret } from '../env'

// The cookies Auth.js may have set (the __Secure- one over HTTPS); each is its own salt.
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const

type Decoded = { sessionId: string | null; expiresAtMs: number }

// A cookie's content never changes, so its decryption (an HKDF key and an AES-CBC + HMAC JWE,
// about a millisecond of CPU) is done once per cookie per process. The session row is still
// read on every request (loadActor): revoking it ends the session at once.
const MAX_REMEMBERED = 10_000
const remembered = new Map<string, Decoded>()

async function sessionIdFromCookie(token: string, cookieName: string): Promise<string | null> {
  const known = remembered.get(token)
  if (known) return known.expiresAtMs > Date.now() ? known.sessionId : null
  const payload = await decode({ token, secret: authSecret(), salt: cookieName }).catch(() => null)
  const decoded: Decoded = {
    sessionId: typeof payload?.sid === 'string' ? payload.sid : null,
    expiresAtMs: typeof payload?.exp === 'number' ? payload.exp * 1000 : 0,
  }
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!)
  remembered.set(token, decoded)
  return decoded.expiresAtMs > Date.now() ? decoded.sessionId : null
}

// The session row the request's cookie names, or null without a valid, unexpired cookie.
export async function currentSessionId(): Promise<string | null> {
  const jar = await cookies()
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value
    if (token) return sessionIdFromCookie(token, name)
  }
  return null
}
