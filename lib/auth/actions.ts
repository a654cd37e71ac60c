'use server'

import { AuthError } from 'next-auth'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { db } from '../db'
import { log } from '../log'
import { LOCALE_COOKIE, LOCALES, toDbLocale, type AppLocale } from '../i18n/locales'
import { signIn, signOut } from './config'
import { currentActor } from './guards'

export type LoginState = { message?: string }

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const t = await getTranslations('login')
  try {
    await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    })
  } catch (e) {
    // One answer for unknown email and wrong password: the form must not reveal which.
    if (e instanceof AuthError) {
      log.info({ type: e.type }, 'sign-in refused')
      return { message: t('failed') }
    }
    throw e
  }
  redirect('/')
}

export async function signOutAction() {
  await signOut({ redirectTo: '/login' })
}

export async function setLocaleAction(locale: AppLocale) {
  if (!LOCALES.includes(locale)) return
  ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86400 })
  const actor = await currentActor()
  if (actor) {
    await db.user.update({ where: { id: actor.userId }, data: { locale: toDbLocale(locale) } })
  }
}
