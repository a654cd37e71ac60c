import 'server-only'
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto'
import * as OTPAuth from 'otpauth'

// Authenticator codes (RFC 6238: SHA-1, 6 digits, 30 s) as every common app reads them.
const ISSUER = 'Diamond Butler'
const PERIOD_SECONDS = 30
// One step either side covers a phone clock that is up to 30 s off.
const DRIFT_STEPS = 1
const RECOVERY_CODE_COUNT = 10

function totpFor(base32Secret: string, label = 'staff') {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(base32Secret),
  })
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32
}

export function otpauthUri(base32Secret: string, email: string): string {
  return totpFor(base32Secret, email).toString()
}

export function totpCode(base32Secret: string, atMs = Date.now()): string {
  return totpFor(base32Secret).generate({ timestamp: atMs })
}

export const isTotpShaped = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''))

// The time step the code belongs to, or null when it matches none near now. The caller
// records the step so the same code cannot be replayed.
export function matchingStep(base32Secret: string, code: string, atMs = Date.now()): number | null {
  const token = code.replace(/\s/g, '')
  if (!isTotpShaped(token)) return null
  const delta = totpFor(base32Secret).validate({ token, timestamp: atMs, window: DRIFT_STEPS })
  if (delta === null) return null
  return Math.floor(atMs / 1000 / PERIOD_SECONDS) + delta
}

// Recovery codes: ten characters from an alphabet without look-alikes (0/o, 1/l/i),
// shown as xxxxx-xxxxx. About 50 bits each; only a hash is stored.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)])
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
  })
}

export function hashRecoveryCode(code: string): string {
  const normalized = code.toLowerCase().replace(/[\s-]/g, '')
  return createHash('sha256').update(normalized).digest('hex')
}

// Secrets at rest are sealed with AES-256-GCM under a key derived from the app secret, so a
// copy of the database alone cannot mint codes.
function sealingKey(appSecret: string) {
  return Buffer.from(hkdfSync('sha256', appSecret, 'diamond-butler', 'totp-secret-v1', 32))
}

export function sealSecret(base32Secret: string, appSecret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealingKey(appSecret), iv)
  const body = Buffer.concat([cipher.update(base32Secret, 'utf8'), cipher.final()])
  return ['v1', iv, body, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.')
}

export function openSecret(sealed: string, appSecret: string): string {
  const [version, iv, body, tag] = sealed.split('.')
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('Unreadable authenticator secret')
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(appSecret), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}
