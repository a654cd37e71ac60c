import { beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { createTranslator } from 'next-intl'
import en from '../../messages/en.json'
import zh from '../../messages/zh-CN.json'
import type { AppError } from '../../lib/errors'
import { knownDeviceFor, rememberDevice } from '../../lib/security/known-device'
import {
  assertSignInAllowed,
  recordSignInFailure,
  recordSignInSuccess,
  type SignInAttempt,
} from '../../lib/security/sign-in-limits'
import { assertAllowed, consume, RATE_LIMIT_DDL, reset } from '../../lib/security/rate-limit'

describe('rate limits (PostgreSQL-backed)', () => {
  it('refuses the sixth failed sign-in for one account with a clear, email-agnostic error, and a reset clears it', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    await client.query(RATE_LIMIT_DDL)
    await client.query('TRUNCATE ratelimit.limits')
    await client.end()
    const who = `nobody-${Date.now()}@nowhere.test`
    for (let i = 0; i < 5; i++) await consume('signInAccount', who)
    const refusal = await assertAllowed('signInAccount', who).catch((e: unknown) => e)
    expect(refusal).toMatchObject({
      code: 'RATE_LIMITED',
      messageKey: 'errors.rateLimited',
      params: { minutes: expect.any(Number) },
    })
    expect(Number.isInteger((refusal as AppError).params?.minutes)).toBe(true)
    await expect(consume('signInAccount', who)).rejects.toMatchObject({ code: 'RATE_LIMITED' })
    // Another account is unaffected; the same email in other case is the same account.
    await expect(assertAllowed('signInAccount', `other-${who}`)).resolves.toBeUndefined()
    await expect(assertAllowed('signInAccount', who.toUpperCase())).rejects.toMatchObject({ code: 'RATE_LIMITED' })
    await reset('signInAccount', who)
    await expect(assertAllowed('signInAccount', who)).resolves.toBeUndefined()
  })

  it('keeps no email in the counter table', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    const { rows } = await client.query<{ key: string }>('SELECT key FROM ratelimit.limits')
    await client.end()
    expect(rows.every((r) => !r.key.includes('@'))).toBe(true)
  })
})

// The sign-in limits as the login action applies them (lib/security/sign-in-limits.ts): per
// account and place with growing lockouts, per address across accounts, and per account from
// unknown devices, which a known device does not share.
describe('sign-in limits', () => {
  const run = `${Date.now()}`
  const email = (name: string) => `${name}-${run}@limits.test`
  const refusal = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e as AppError)
  const failTimes = async (n: number, a: SignInAttempt) => {
    for (let i = 0; i < n; i++) await recordSignInFailure(a)
  }
  // Lets every lockout in place run out, keeping the day's strike count (signInStrikes).
  const lockoutsExpire = async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    await client.query(`DELETE FROM ratelimit.limits WHERE key LIKE 'signInAccount:%'`)
    await client.end()
  }
  const waitMinutes = (e: AppError | null) => (e?.params as { minutes: number } | undefined)?.minutes

  beforeAll(async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    await client.query(RATE_LIMIT_DDL)
    await client.query('TRUNCATE ratelimit.limits')
    await client.end()
  })

  it('brute force on one account from one address is locked out, each lockout longer than the last', async () => {
    const a = { email: email('brute'), ip: '198.51.100.1' }
    await failTimes(4, a)
    await expect(assertSignInAllowed(a)).resolves.toBeUndefined()
    await recordSignInFailure(a)
    const first = await refusal(assertSignInAllowed(a))
    expect(first).toMatchObject({ code: 'RATE_LIMITED', messageKey: 'errors.rateLimited' })
    expect(waitMinutes(first)).toBe(1)
    await lockoutsExpire()
    await expect(assertSignInAllowed(a)).resolves.toBeUndefined()
    await failTimes(5, a)
    expect(waitMinutes(await refusal(assertSignInAllowed(a)))).toBe(2)
    await lockoutsExpire()
    await failTimes(5, a)
    expect(waitMinutes(await refusal(assertSignInAllowed(a)))).toBe(4)
    // The same account from another address is not held back by this address's lockout.
    await expect(assertSignInAllowed({ ...a, ip: '198.51.100.2' })).resolves.toBeUndefined()
  })

  it('a correct sign-in clears its own place: the owner’s typos start over', async () => {
    const a = { email: email('typos'), ip: '198.51.100.3' }
    await failTimes(4, a)
    await recordSignInSuccess(a)
    await failTimes(4, a)
    await expect(assertSignInAllowed(a)).resolves.toBeUndefined()
  })

  it('password spraying from one address is limited across accounts, other addresses are not', async () => {
    const ip = '203.0.113.50'
    for (let i = 0; i < 30; i++) await recordSignInFailure({ email: email(`spray${i}`), ip })
    const refused = await refusal(assertSignInAllowed({ email: email('spray-next'), ip }))
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', messageKey: 'errors.signInAddressLimited' })
    expect(waitMinutes(refused)).toBeGreaterThanOrEqual(14)
    await expect(assertSignInAllowed({ email: email('spray-next'), ip: '203.0.113.51' })).resolves.toBeUndefined()
  })

  it('failures from many addresses guard the account, but never lock the owner out on a device they used before', async () => {
    const victim = email('victim')
    const device = knownDeviceFor(rememberDevice(undefined, victim), victim)
    expect(device).toBeTruthy()
    // A botnet: 50 addresses, one guess each, so no address limit is reached.
    for (let i = 0; i < 50; i++) await recordSignInFailure({ email: victim, ip: `10.9.${i}.1` })
    const stranger = await refusal(assertSignInAllowed({ email: victim, ip: '10.9.200.1' }))
    expect(stranger).toMatchObject({ code: 'RATE_LIMITED', messageKey: 'errors.signInAccountGuarded' })
    expect(waitMinutes(stranger)).toBeGreaterThanOrEqual(59)
    // The owner's browser, even on the attacker's network, still has its own allowance.
    const owner = { email: victim, ip: '10.9.0.1', device }
    await expect(assertSignInAllowed(owner)).resolves.toBeUndefined()
    // And that allowance is its own: the owner's typos lock only the owner's device.
    await failTimes(5, owner)
    await expect(assertSignInAllowed(owner)).rejects.toMatchObject({ messageKey: 'errors.rateLimited' })
    const otherDevice = knownDeviceFor(rememberDevice(undefined, victim), victim)
    await expect(assertSignInAllowed({ ...owner, device: otherDevice })).resolves.toBeUndefined()
  })

  it('a known-device cookie is signed, names its accounts, and cannot be made up', () => {
    const alice = email('alice')
    const bob = email('bob')
    const cookie = rememberDevice(undefined, alice)
    const device = knownDeviceFor(cookie, alice)
    expect(knownDeviceFor(cookie, alice.toUpperCase())).toBe(device)
    expect(knownDeviceFor(cookie, bob)).toBeUndefined()
    // Signing in to a second account keeps the device and adds the account.
    const both = rememberDevice(cookie, bob)
    expect(knownDeviceFor(both, alice)).toBe(device)
    expect(knownDeviceFor(both, bob)).toBe(device)
    const [id, accounts, sig] = cookie.split('.')
    expect(knownDeviceFor(`other${id}.${accounts}.${sig}`, alice)).toBeUndefined()
    expect(knownDeviceFor(`${id}.${accounts}~x.${sig}`, alice)).toBeUndefined()
    expect(knownDeviceFor(`${id}.${accounts}.${sig.slice(1)}x`, alice)).toBeUndefined()
    expect(knownDeviceFor('garbage', alice)).toBeUndefined()
    expect(knownDeviceFor(undefined, alice)).toBeUndefined()
  })

  it('every limit message names the wait, in both languages', () => {
    for (const [locale, messages] of [
      ['en', en],
      ['zh-CN', zh],
    ] as const) {
      const t = createTranslator({ locale, messages })
      for (const key of ['rateLimited', 'signInAddressLimited', 'signInAccountGuarded'] as const) {
        const text = t(`errors.${key}`, { minutes: 7 })
        expect(text, `${locale} ${key}`).toMatch(/7/)
        expect(text).not.toMatch(/[{}]/)
      }
    }
  })
})
