'use client'

import { useTranslations } from 'next-intl'
import { revokeDelegateAction } from '@/lib/clients/profile-actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { ConfirmButton } from '@/components/ui/confirm-button'

// Revoking a delegate takes effect at once, so it asks first.
export function RevokeDelegate({ id, email }: { id: string; email: string }) {
  const t = useTranslations('profile')
  const { formProps, pending, anyError } = useActionForm(revokeDelegateAction, { reset: false })
  return (
    <form {...formProps} className="shrink-0 text-right">
      <input type="hidden" name="id" value={id} />
      <ConfirmButton label={t('revoke')} question={t('revokeQuestion', { email })} disabled={pending} />
      <FormMessage message={anyError} />
    </form>
  )
}
