import 'server-only'
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { authSecret } from '../env'

// A browser that has signed in to an account gets this cookie: a random device id and the
// accounts it has signed in to (hashed), signed with the app's secret so it cannot be made
// up or edited. It carries no session and grants nothing but a sign-in allowance of its own.
export const KNOWN_DEVICE_COOKIE = 'db_known_device'
export const KNOWN_DEVICE_MAX_AGE = 400 * 86400
const MAX_ACCOUNTS = 8

const accountTag = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 16)
const sign = (payload: string) =>
  createHmac('sha256', authSecret()).update(`known-device:${payload}`).digest('base64url')

function parse(value: string | undefined) {
  const [device, accounts, sig] = value?.split('.') ?? []
  if (!device || accounts === undefined || !sig) return null
  const expected = Buffer.from(sign(`${device}.${accounts}`))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return { device, accounts: accounts ? accounts.split('~') : [] }
}

// The device id, if this cookie was issued by us to a browser that has signed in to this account.
export function knownDeviceFor(value: string | undefined, email: string) {
  const parsed = parse(value)
  return parsed?.accounts.includes(accountTag(email)) ? parsed.device : undefined
}

// The cookie after a successful sign-in: the same device, now also known for this account.
export function rememberDevice(value: string | undefined, email: string) {
  const parsed = parse(value)
  const device = parsed?.device ?? randomBytes(12).toString('base64url')
  const tag = accountTag(email)
  const accounts = [tag, ...(parsed?.accounts ?? []).filter((a) => a !== tag)].slice(0, MAX_ACCOUNTS).join('~')
  return `${device}.${accounts}.${sign(`${device}.${accounts}`)}`
}
