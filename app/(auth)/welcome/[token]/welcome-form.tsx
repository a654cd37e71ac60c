'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { acceptStaffInviteAction } from './actions'

export function WelcomeForm({ token }: { token: string }) {
  const t = useTranslations('welcome')
  const [state, action, pending] = useActionState<ActionResult<{ ok: boolean }> | null, FormData>(async (_p, form) => acceptStaffInviteAction(form), null)
  if (state?.ok) return <p className="mt-6 rounded-2xl border border-line bg-white p-6 text-center text-sm">{t('done')} <Link href="/login" className="text-gold underline">{t('signIn')}</Link></p>
  const err = state && !state.ok ? state.fieldErrors ?? {} : {}
  return (
    <form action={action} className="mt-6 space-y-4 rounded-2xl border border-line bg-white p-6">
      <input type="hidden" name="token" value={token} />
      <Field label={t('password')} name="password" type="password" autoComplete="new-password" error={err.password} />
      {state && !state.ok && !Object.keys(err).length && <p role="alert" className="text-sm text-bad">{state.message}</p>}
      <Button type="submit" disabled={pending} className="w-full">{t('submit')}</Button>
    </form>
  )
}
