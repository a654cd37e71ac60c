'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { acceptStaffInviteAction } from './actions'

export function WelcomeForm({ token }: { token: string }) {
  const t = useTranslations('welcome')
  const { formProps, pending, fieldError, formError, succeeded } = useActionForm(acceptStaffInviteAction, {
    reset: false,
    refresh: false,
  })
  if (succeeded)
    return (
      <p className="mt-6 rounded-2xl border border-line bg-white p-6 text-center text-sm">
        {t('done')}{' '}
        <Link href="/login" className="text-gold underline">
          {t('signIn')}
        </Link>
      </p>
    )
  return (
    <form {...formProps} className="mt-6 space-y-4 rounded-2xl border border-line bg-white p-6">
      <input type="hidden" name="token" value={token} />
      <Field
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        error={fieldError('password')}
      />
      <FormMessage message={formError} className="text-sm" />
      <Button type="submit" disabled={pending} className="w-full">
        {t('submit')}
      </Button>
    </form>
  )
}
