'use server'

import { AuthError, CredentialsSignin } from 'next-auth'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { db } from '../db'
import { env } from '../env'
import { log } from '../log'
import { LOCALE_COOKIE, LOCALES, toDbLocale, type AppLocale } from '../i18n/locales'
import { isAppError } from '../errors'
import { clientIp } from '../security/client-ip'
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE, knownDeviceFor, rememberDevice } from '../security/known-device'
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from '../security/sign-in-limits'
import { signIn, signOut } from './auth'
import { inActionContext } from './action'
import { currentActor } from './guards'

// `step: 'code'` asks the form for an authenticator or recovery code; the email and password
// stay in the browser's form, never in this state.
export type LoginState = { message?: string; step?: 'password' | 'code' }

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  // Anyone may call this with anything: what is not a form is an empty one.
  return inActionContext(() => signInWith(form instanceof FormData ? form : new FormData()))
}

async function signInWith(form: FormData): Promise<LoginState> {
  const t = await getTranslations('login')
  const email = String(form.get('email') ?? '').slice(0, 254)
  const jar = await cookies()
  const deviceCookie = jar.get(KNOWN_DEVICE_COOKIE)?.value
  const attempt = { email, ip: clientIp(await headers()), device: knownDeviceFor(deviceCookie, email) }
  const refusedFor = async (e: unknown) => {
    if (!isAppError(e) || e.code !== 'RATE_LIMITED') throw e
    const te = await getTranslations()
    return { message: te(e.messageKey, e.params) }
  }
  // Failed attempts count whether or not the account exists, so the answer never tells an
  // attacker which emails are real (lib/security/sign-in-limits.ts has the limits).
  try {
    await assertSignInAllowed(attempt)
  } catch (e) {
    return refusedFor(e)
  }
  try {
    await signIn('credentials', {
      email,
      password: String(form.get('password') ?? ''),
      code: String(form.get('code') ?? '').slice(0, 40),
      redirect: false,
    })
  } catch (e) {
    const secondFactor = e instanceof CredentialsSignin ? e.code : undefined
    if (secondFactor === 'second_factor_required') return { step: 'code' }
    // One answer for unknown email and wrong password: the form must not reveal which.
    // A wrong code counts against the same limits, so six digits cannot be guessed.
    if (e instanceof AuthError) {
      log.info({ type: e.type, secondFactor }, 'sign-in refused')
      await recordSignInFailure(attempt)
      try {
        await assertSignInAllowed(attempt)
      } catch (limit) {
        return refusedFor(limit)
      }
      return secondFactor === 'second_factor_wrong'
        ? { step: 'code', message: t('codeWrong') }
        : { message: t('failed') }
    }
    throw e
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
  redirect('/')
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
