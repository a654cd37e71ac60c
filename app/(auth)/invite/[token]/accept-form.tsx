'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { acceptInvitationAction } from './actions'

export function AcceptForm({ token }: { token: string }) {
  const t = useTranslations('invite')
  const { formProps, pending, fieldError, formError, succeeded } = useActionForm(acceptInvitationAction, {
    reset: false,
    refresh: false,
  })
  if (succeeded) {
    return (
      <p className="mt-6 rounded-2xl border border-line bg-white p-6 text-center text-sm">
        {t('done')}{' '}
        <Link href="/login" className="font-medium text-gold underline">
          {t('signIn')}
        </Link>
      </p>
    )
  }
  return (
    <form {...formProps} className="mt-6 space-y-4 rounded-2xl border border-line bg-white p-6">
      <input type="hidden" name="token" value={token} />
      <Field label={t('name')} name="name" error={fieldError('name')} autoComplete="name" />
      <Field
        label={t('password')}
        name="password"
        type="password"
        error={fieldError('password')}
        autoComplete="new-password"
      />
      <FormMessage message={formError} className="text-sm" />
      <Button type="submit" disabled={pending} className="w-full">
        {t('accept')}
      </Button>
    </form>
  )
}
