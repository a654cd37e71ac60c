import 'server-only'
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { Server } from 'node:net'
import { addressFrom, CLIENT_ADDRESS_HEADER, setStampToken } from './client-ip'

const INSTALLED = Symbol.for('diamond-butler.socket-stamp')

// Every HTTP(S) server in this process (http and https servers both inherit net.Server's
// emit) stamps each request, before Next.js sees it, with the caller's address derived from
// the socket. Installed once at start-up from instrumentation.ts.
export function installSocketStamp(trustedProxyHops: number) {
  const proto = Server.prototype as Server & { [INSTALLED]?: boolean }
  if (proto[INSTALLED]) return
  proto[INSTALLED] = true
  const token = setStampToken(randomBytes(18).toString('base64url'))
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' || event === 'checkContinue' || event === 'checkExpectation') {
      const req = args[0] as IncomingMessage
      const forwarded = req.headers['x-forwarded-for']
      const address = addressFrom(
        req.socket?.remoteAddress,
        Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
        trustedProxyHops,
      )
      req.headers[CLIENT_ADDRESS_HEADER] = `${token} ${address}`
    }
    return emit.call(this, event, ...args)
  } as typeof proto.emit
}
