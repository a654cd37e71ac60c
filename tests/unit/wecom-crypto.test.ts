import { describe, expect, it } from 'vitest'
import { decrypt, encrypt, getSignature, signatureMatches } from '../../lib/channels/wecom/crypto'

// The published sample of WeCom's callback documentation (token, corp id, key, and a signed
// callback and URL-verification request made by WeCom's own library).
const SAMPLE = { token: 'QDG6eK', corpId: 'wx5823bf96d3bd56c7', aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' }
const SAMPLE_ENCRYPT =
  'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q=='

describe('WeCom callback crypto', () => {
  it('verifies and decrypts the documented sample callback', () => {
    expect(getSignature(SAMPLE.token, '1409659813', '1372623149', SAMPLE_ENCRYPT)).toBe(
      '477715d11cdb4164915debcba66cb864d751f3e6',
    )
    const { message, id } = decrypt(SAMPLE.aesKey, SAMPLE_ENCRYPT)
    expect(id).toBe(SAMPLE.corpId)
    expect(message).toContain('<Content><![CDATA[hello]]></Content>')
    expect(message).toContain('4561255354251345929')
  })

  it('verifies and decrypts the documented URL-verification sample', () => {
    const echostr = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=='
    expect(getSignature(SAMPLE.token, '1409659589', '263014780', echostr)).toBe(
      '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    )
    expect(decrypt(SAMPLE.aesKey, echostr)).toEqual({ message: '1616140317555161061', id: SAMPLE.corpId })
  })

  it('round-trips Chinese text and pads to 32-byte blocks', () => {
    for (const text of ['', '你好，帮我订明晚两位的餐厅', 'x'.repeat(12), 'y'.repeat(2000)]) {
      const sealed = encrypt(SAMPLE.aesKey, text, SAMPLE.corpId)
      const raw = Buffer.from(sealed, 'base64')
      expect(raw.length % 32).toBe(0)
      expect(decrypt(SAMPLE.aesKey, sealed)).toEqual({ message: text, id: SAMPLE.corpId })
    }
    // 16 random bytes in front: the same text never encrypts the same twice.
    expect(encrypt(SAMPLE.aesKey, 'same', 'c')).not.toBe(encrypt(SAMPLE.aesKey, 'same', 'c'))
  })

  it('refuses malformed ciphertext, a wrong key and a bad key shape', () => {
    expect(() => decrypt(SAMPLE.aesKey, '')).toThrow()
    expect(() => decrypt(SAMPLE.aesKey, 'abc')).toThrow()
    expect(() => decrypt(SAMPLE.aesKey, Buffer.alloc(48, 7).toString('base64'))).toThrow()
    const otherKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
    expect(() => {
      const r = decrypt(otherKey, SAMPLE_ENCRYPT)
      if (r.id !== SAMPLE.corpId) throw new Error('wrong receiver')
    }).toThrow()
    expect(() => encrypt('short', 'x', 'c')).toThrow()
  })

  it('compares signatures without leaking length or content', () => {
    const s = getSignature('t', '1', '2', 'e')
    expect(signatureMatches(s, s)).toBe(true)
    expect(signatureMatches(s, s.slice(0, -1) + (s.endsWith('0') ? '1' : '0'))).toBe(false)
    expect(signatureMatches(s, '')).toBe(false)
  })
})
