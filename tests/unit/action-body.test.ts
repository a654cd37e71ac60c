import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { actionBodyOk } from '../../lib/security/action-body'

// React's own encoder for server-action arguments, as the browser sends them.
const { encodeReply } = createRequire(import.meta.url)(
  'next/dist/compiled/react-server-dom-webpack/client.node.js',
) as {
  encodeReply: (v: unknown[]) => Promise<FormData | string>
}
const asRequest = (body: FormData | string, type?: string) =>
  new Request('http://app.test/login', {
    method: 'POST',
    body,
    headers: type ? { 'content-type': type } : typeof body === 'string' ? { 'content-type': 'text/plain' } : {},
  })

describe('server action bodies', () => {
  it('accepts what React sends: a form with state, plain values, dates, big integers and $-text', async () => {
    const form = new FormData()
    form.set('email', 'a@b.c')
    form.set('details.travellers[]', 'Mia')
    form.set('file', new File([new Uint8Array([1, 2, 3])], 'a.pdf', { type: 'application/pdf' }))
    for (const args of [
      [{ step: 'code' }, form],
      [form],
      [{ requestId: 'r1', version: 3, internal: true }],
      ['de'],
      [{ when: new Date('2030-01-01T10:00:00Z'), n: 5n, u: undefined, text: '$not a reference', inf: Infinity }],
      [],
    ])
      expect(
        await actionBodyOk(asRequest(await encodeReply(args))),
        JSON.stringify(args, (_, v) => String(v)),
      ).toBe(true)
  })

  it('refuses what Next.js would fail to decode', async () => {
    for (const body of [
      'garbage',
      '',
      '{"a":1}',
      '"x"',
      '[',
      '["$Q1"]',
      '["$@1"]',
      '["$nabc"]',
      '["$h1"]',
      '[{"a":"$W2"}]',
    ])
      expect(await actionBodyOk(asRequest(body)), body).toBe(false)
    const broken = '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1'
    expect(await actionBodyOk(asRequest(broken, 'multipart/form-data; boundary=b'))).toBe(false)
    const noRoot = new FormData()
    noRoot.set('_1_email', 'x')
    expect(await actionBodyOk(asRequest(noRoot))).toBe(false)
    const stray = new FormData()
    stray.set('0', '["$K1"]')
    stray.set('other', 'x')
    expect(await actionBodyOk(asRequest(stray))).toBe(false)
  })
})
