import 'server-only'
import { assertAllowed, block, count, limitOf, reset } from './rate-limit'

// Where a sign-in attempt comes from: the caller's address, and the device if it carries a
// known-device cookie for this very account (known-device.ts).
export type SignInAttempt = { email: string; ip: string; device?: string }

// A known device keeps an allowance of its own for the account; anyone else is counted by
// address. So failures from elsewhere never lock the owner out on their usual device.
const placeOf = (a: SignInAttempt) => (a.device ? `${a.email}|device:${a.device}` : `${a.email}|ip:${a.ip}`)

// The first lockout of a place lasts a minute; each further one in a day doubles, up to a day.
const FIRST_LOCKOUT_SECONDS = 60
const MAX_LOCKOUT_SECONDS = 24 * 3600

// Refuses, with the wait, while any limit that applies to this attempt is reached.
export async function assertSignInAllowed(a: SignInAttempt) {
  await assertAllowed('signInAccount', placeOf(a))
  if (a.device) return
  await assertAllowed('signInIp', a.ip, 'errors.signInAddressLimited')
  await assertAllowed('signInAccountAll', a.email, 'errors.signInAccountGuarded')
}

// Counts a failed attempt (wrong password, unknown email or wrong code alike).
export async function recordSignInFailure(a: SignInAttempt) {
  const place = placeOf(a)
  if (!a.device) {
    await count('signInIp', a.ip)
    await count('signInAccountAll', a.email)
  }
  if ((await count('signInAccount', place)) >= limitOf('signInAccount')) {
    const strikes = await count('signInStrikes', place)
    await block('signInAccount', place, Math.min(MAX_LOCKOUT_SECONDS, FIRST_LOCKOUT_SECONDS * 2 ** (strikes - 1)))
  }
}

// A correct sign-in clears its own place only: the address and account-wide counters keep
// counting, so one valid account cannot wash out a spraying run.
export async function recordSignInSuccess(a: SignInAttempt) {
  await reset('signInAccount', placeOf(a))
  await reset('signInStrikes', placeOf(a))
}
