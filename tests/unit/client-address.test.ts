import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { addressFrom, CLIENT_ADDRESS_HEADER, clientIp } from '../../lib/security/client-ip'
import { installSocketStamp } from '../../lib/security/socket-stamp'
import { originAllowed } from '../../lib/security/csp'

describe('caller address', () => {
  it('is the socket peer by default: a forged X-Forwarded-For changes nothing', () => {
    expect(addressFrom('203.0.113.9', undefined, 0)).toBe('203.0.113.9')
    expect(addressFrom('203.0.113.9', '1.2.3.4', 0)).toBe('203.0.113.9')
    expect(addressFrom('203.0.113.9', '1.2.3.4, 5.6.7.8', 0)).toBe('203.0.113.9')
    expect(addressFrom('::ffff:203.0.113.9', 'whatever', 0)).toBe('203.0.113.9')
  })

  it('behind N trusted proxies is the entry N hops from the right of X-Forwarded-For', () => {
    // One proxy (10.0.0.2) appended the caller it saw; the caller's own entry is ignored.
    expect(addressFrom('10.0.0.2', '6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7')
    expect(addressFrom('10.0.0.3', '6.6.6.6, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7')
    // A chain shorter than promised falls back to its leftmost entry, never past the socket.
    expect(addressFrom('10.0.0.2', undefined, 1)).toBe('10.0.0.2')
    expect(addressFrom('10.0.0.2', 'not-an-address', 1)).toBe('unknown')
  })

  it('is stamped on every request from the socket, overwriting whatever the caller sent', async () => {
    installSocketStamp(0)
    const seen: IncomingHttpHeaders[] = []
    const server = createServer((req, res) => {
      seen.push(req.headers)
      res.end('ok')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    const call = (headers: Record<string, string>) =>
      new Promise<void>((resolve, reject) =>
        httpRequest({ host: '127.0.0.1', port, headers }, (res) => res.resume().on('end', resolve))
          .on('error', reject)
          .end(),
      )
    await call({})
    await call({ 'X-Forwarded-For': '1.2.3.4', [CLIENT_ADDRESS_HEADER]: 'forged 9.9.9.9' })
    await new Promise((r) => server.close(r))
    const addresses = seen.map((h) => clientIp(new Headers(h as Record<string, string>)))
    expect(addresses).toEqual(['127.0.0.1', '127.0.0.1'])
  })

  it('without a valid stamp is "unknown" for everyone, never a value the caller wrote', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.2.3.4' }))).toBe('unknown')
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: 'guess 1.2.3.4' }))).toBe('unknown')
  })
})

describe('same-origin check for state-changing requests', () => {
  const hosts = ['app.example', null]
  it('lets reads and the WeCom callback through', () => {
    expect(originAllowed('GET', '/console', null, hosts)).toBe(true)
    expect(originAllowed('HEAD', '/', 'https://evil.example', hosts)).toBe(true)
    expect(originAllowed('POST', '/api/channels/wecom', null, hosts)).toBe(true)
  })
  it('refuses a foreign, "null", malformed or missing Origin on anything else', () => {
    for (const origin of ['https://evil.example', 'null', null, 'not a url', 'https://app.example.evil.example'])
      expect(originAllowed('POST', '/login', origin, hosts), String(origin)).toBe(false)
    expect(originAllowed('DELETE', '/api/export/requests', 'https://evil.example', hosts)).toBe(false)
  })
  it('accepts this site', () => {
    expect(originAllowed('POST', '/login', 'https://app.example', hosts)).toBe(true)
    expect(originAllowed('POST', '/login', 'https://APP.example', hosts)).toBe(true)
  })
})
