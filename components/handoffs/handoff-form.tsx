'use client'

import { useTranslations } from 'next-intl'
import { createHandoffAction } from '@/lib/handoffs/actions'
import { CompactInput, CompactSelect, CompactSubmit, CompactTextarea } from '@/components/forms/compact-fields'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'

export function HandoffForm({
  requestId,
  colleagues,
}: {
  requestId: string
  colleagues: { id: string; name: string }[]
}) {
  const t = useTranslations('handoffs')
  const { formProps, pending, fieldError, formError } = useActionForm(createHandoffAction)
  return (
    <form {...formProps} className="mt-3 space-y-2 border-t border-line pt-3" aria-label={t('new')}>
      <input type="hidden" name="requestId" value={requestId} />
      <CompactInput id="ho-team" name="team" maxLength={100} label={t('team')} error={fieldError('team')} />
      <CompactSelect id="ho-owner" name="ownerId" defaultValue="" label={t('owner')} error={fieldError('ownerId')}>
        <option value="">{t('ownerSelf')}</option>
        {colleagues.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </CompactSelect>
      <CompactTextarea
        id="ho-need"
        name="need"
        rows={2}
        maxLength={1000}
        label={t('need')}
        error={fieldError('need')}
      />
      <CompactInput id="ho-due" name="dueAt" type="datetime-local" label={t('due')} error={fieldError('dueAt')} />
      <FormMessage message={formError} className="text-sm" />
      <CompactSubmit pending={pending}>{t('add')}</CompactSubmit>
    </form>
  )
}
