import { describe, expect, it } from 'vitest'
import * as totp from '../../lib/auth/totp'

describe('authenticator codes', () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
  const t0 = Date.UTC(2026, 10, 22, 12, 0, 15)
  const step0 = Math.floor(t0 / 30_000)

  it('matches the RFC 6238 reference value', () => {
    // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (the last six digits for a 6-digit code).
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' // "12345678901234567890"
    expect(totp.totpCode(rfcSecret, 59_000)).toBe('287082')
  })

  it('names the time step of a code within one step of drift, and nothing further', () => {
    expect(totp.matchingStep(secret, totp.totpCode(secret, t0), t0)).toBe(step0)
    expect(totp.matchingStep(secret, totp.totpCode(secret, t0 - 30_000), t0)).toBe(step0 - 1)
    expect(totp.matchingStep(secret, totp.totpCode(secret, t0 + 30_000), t0)).toBe(step0 + 1)
    expect(totp.matchingStep(secret, totp.totpCode(secret, t0 - 90_000), t0)).toBeNull()
    expect(totp.matchingStep(secret, ' ' + totp.totpCode(secret, t0).replace(/(\d{3})/, '$1 '), t0)).toBe(step0)
    expect(totp.matchingStep(secret, 'abcdef', t0)).toBeNull()
    expect(totp.matchingStep(totp.newTotpSecret(), totp.totpCode(secret, t0), t0)).toBeNull()
  })

  it('seals secrets so only the same app secret opens them, and tampering is caught', () => {
    const sealed = totp.sealSecret(secret, 'app-secret-one-is-long-enough')
    expect(sealed).not.toContain(secret)
    expect(totp.openSecret(sealed, 'app-secret-one-is-long-enough')).toBe(secret)
    expect(() => totp.openSecret(sealed, 'another-app-secret-long-enough')).toThrow()
    const [v, iv, body, tag] = sealed.split('.')
    const flipped = body[0] === 'A' ? 'B' + body.slice(1) : 'A' + body.slice(1)
    expect(() => totp.openSecret([v, iv, flipped, tag].join('.'), 'app-secret-one-is-long-enough')).toThrow()
  })

  it('makes ten distinct, readable recovery codes whose hash ignores case, spaces and dashes', () => {
    const codes = totp.newRecoveryCodes()
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/)
    expect(totp.hashRecoveryCode('ABCDE FGHJK')).toBe(totp.hashRecoveryCode('abcde-fghjk'))
  })

  it('writes an otpauth URI an authenticator app can read', () => {
    const uri = totp.otpauthUri(secret, 'chen@bank.test')
    expect(uri).toMatch(/^otpauth:\/\/totp\/Diamond%20Butler:chen%40bank\.test\?/)
    expect(uri).toContain(`secret=${secret}`)
  })
})
