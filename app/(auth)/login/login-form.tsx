'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { loginAction, type LoginState } from '@/lib/auth/actions'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'

export function LoginForm() {
  const t = useTranslations('login')
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {})
  return (
    <form action={action} className="space-y-4 rounded-2xl border border-line bg-white p-6 shadow-sm">
      <h2 className="text-lg font-medium">{t('title')}</h2>
      <Field label={t('email')} name="email" type="email" autoComplete="username" required />
      <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
      {state.message && <p role="alert" className="text-sm text-bad">{state.message}</p>}
      <Button type="submit" disabled={pending} className="w-full">{t('submit')}</Button>
    </form>
  )
}
