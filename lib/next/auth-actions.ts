'use server'

import { AuthError, CredentialsSignin } from 'next-auth'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { db } from '../db'
import { log } from '../log'
import { LOCALE_COOKIE, LOCALES, toDbLocale, type AppLocale } from '../i18n/locales'
import { isAppError } from '../errors'
import { clientIp } from '../security/client-ip'
import { assertAllowed, consume, reset } from '../security/rate-limit'
import { signIn, signOut } from './auth'
import { inActionContext } from './action'
import { currentActor } from './guards'

// `step: 'code'` asks the form for an authenticator or recovery code; the email and password
// stay in the browser's form, never in this state.
export type LoginState = { message?: string; step?: 'password' | 'code' }

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  return inActionContext(() => signInWith(form))
}

async function signInWith(form: FormData): Promise<LoginState> {
  const t = await getTranslations('login')
  const email = String(form.get('email') ?? '').slice(0, 254)
  const ip = clientIp(await headers())
  const refusedFor = async (e: unknown) => {
    if (!isAppError(e) || e.code !== 'RATE_LIMITED') throw e
    const te = await getTranslations()
    return { message: te(e.messageKey, e.params) }
  }
  // Failed attempts count per address and per account, whether or not the account exists,
  // so the answer never tells an attacker which emails are real.
  try {
    await assertAllowed('signInIp', ip)
    await assertAllowed('signInAccount', email)
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
      try {
        await consume('signInIp', ip)
        await consume('signInAccount', email)
      } catch (limit) {
        return refusedFor(limit)
      }
      return secondFactor === 'second_factor_wrong'
        ? { step: 'code', message: t('codeWrong') }
        : { message: t('failed') }
    }
    throw e
  }
  await reset('signInAccount', email)
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
