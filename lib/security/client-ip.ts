import 'server-only'
import { isIP } from 'node:net'

// Next.js passes route handlers and server actions the request headers but never the socket,
// and keeps a caller's own X-Forwarded-For as it came. So the web process stamps every
// request with the address it derived from the socket (socket-stamp.ts) under this header,
// overwriting whatever a caller sent. A per-process token in the value tells a stamp from a
// forgery that slipped in before the stamp was installed.
export const CLIENT_ADDRESS_HEADER = 'x-db-client-address'
const TOKEN = Symbol.for('diamond-butler.client-address-token')
const globalToken = globalThis as unknown as { [TOKEN]?: string }

const stampToken = () => globalToken[TOKEN]
export function setStampToken(token: string) {
  globalToken[TOKEN] ??= token
  return globalToken[TOKEN]
}

// The caller's address: the socket's peer, or, behind `hops` trusted proxies, the address
// that many entries from the right of X-Forwarded-For (each proxy appends the peer it saw,
// so entries further left are whatever the caller wrote).
export function addressFrom(socketAddress: string | undefined, forwardedFor: string | undefined, hops: number) {
  const forwarded = (forwardedFor ?? '').split(',').map((a) => a.trim())
  const chain = [...forwarded.filter(Boolean), socketAddress?.trim() ?? '']
  const picked = chain[Math.max(0, chain.length - 1 - hops)]
  const address = picked.startsWith('::ffff:') && isIP(picked.slice(7)) === 4 ? picked.slice(7) : picked
  return isIP(address) ? address : 'unknown'
}

// What rate limits key on. Without a valid stamp (a tool calling the app in-process, or a
// request that arrived before start-up finished) every such caller shares 'unknown'.
export function clientIp(h: Headers) {
  const [token, address] = (h.get(CLIENT_ADDRESS_HEADER) ?? '').split(' ')
  return token && token === stampToken() && address ? address : 'unknown'
}
