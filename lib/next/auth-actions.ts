'use server'

import { AuthError, CredentialsSignin } from 'next-auth'
import { cookies, headers } from 'next/headers'
import { db } from '../db'
import { env } from '../env'
import { log } from '../log'
import { LOCALE_COOKIE, LOCALES, toDbLocale, type AppLocale } from '../i18n/locales'
import { AppError } from '../errors'
import { clientIp } from '../security/client-ip'
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE, knownDeviceFor, rememberDevice } from '../security/known-device'
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from '../security/sign-in-limits'
import { signIn, signOut } from './auth'
import { definePublicAction, inActionContext } from './action'
import { ZSignIn, type SignIn } from '../auth/schemas'
import { currentActor } from './guards'

// One form, two steps: `{ step: 'code' }` asks it for an authenticator or recovery code (the
// email and password stay in the browser's form, never here), `{ step: 'signedIn' }` lets it go
// on. Refusals are errors like any action's, so the form kit keeps what was typed and shows them
// in the viewer's language.
export const loginAction = definePublicAction({ name: 'login', schema: ZSignIn }, signInWith)

async function signInWith({ email, password, code }: SignIn): Promise<{ step: 'code' | 'signedIn' }> {
  const jar = await cookies()
  const deviceCookie = jar.get(KNOWN_DEVICE_COOKIE)?.value
  const attempt = { email, ip: clientIp(await headers()), device: knownDeviceFor(deviceCookie, email) }
  // Failed attempts count whether or not the account exists, so the answer never tells an
  // attacker which emails are real (lib/security/sign-in-limits.ts has the limits).
  await assertSignInAllowed(attempt)
  try {
    await signIn('credentials', { email, password, code, redirect: false })
  } catch (e) {
    const secondFactor = e instanceof CredentialsSignin ? e.code : undefined
    if (secondFactor === 'second_factor_required') return { step: 'code' }
    if (!(e instanceof AuthError)) throw e
    // One answer for unknown email and wrong password: the form must not reveal which.
    // A wrong code counts against the same limits, so six digits cannot be guessed.
    log.info({ type: e.type, secondFactor }, 'sign-in refused')
    await recordSignInFailure(attempt)
    await assertSignInAllowed(attempt)
    throw secondFactor === 'second_factor_wrong'
      ? new AppError('INVALID_INPUT', 'errors.codeWrong').forField('code')
      : new AppError('UNAUTHENTICATED', 'errors.signInFailed')
  }
  await recordSignInSuccess(attempt)
  // From now on this browser has an allowance of its own for this account.
  jar.set(KNOWN_DEVICE_COOKIE, rememberDevice(deviceCookie, email), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: new URL(env().APP_URL).protocol === 'https:',
    maxAge: KNOWN_DEVICE_MAX_AGE,
  })
  return { step: 'signedIn' }
}

export async function signOutAction() {
  await inActionContext(() => signOut({ redirectTo: '/login' }))
}

export async function setLocaleAction(locale: AppLocale) {
  if (!LOCALES.includes(locale)) return
  await inActionContext(async () => {
    ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86400 })
    const actor = await currentActor()
    if (actor) {
      await db.user.update({ where: { id: actor.userId }, data: { locale: toDbLocale(locale) } })
    }
  })
}
