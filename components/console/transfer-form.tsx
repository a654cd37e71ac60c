'use client'

import { useTranslations } from 'next-intl'
import { transferRequestAction } from '@/lib/requests/actions'
import { CompactInput, CompactSelect, CompactSubmit } from '@/components/forms/compact-fields'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'

export function TransferForm({
  requestId,
  version,
  colleagues,
}: {
  requestId: string
  version: number
  colleagues: { id: string; name: string; onDuty: boolean }[]
}) {
  const t = useTranslations('transfer')
  const tc = useTranslations('console')
  const { formProps, pending, fieldError, formError } = useActionForm(transferRequestAction, { refresh: 'always' })
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <CompactSelect id="tr-to" name="toButlerId" label={t('to')} choose={t('choose')} error={fieldError('toButlerId')}>
        {colleagues.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} · {c.onDuty ? tc('onDuty') : tc('offDuty')}
          </option>
        ))}
      </CompactSelect>
      <CompactInput id="tr-reason" name="reason" maxLength={500} label={t('reason')} error={fieldError('reason')} />
      <FormMessage message={formError} className="text-sm" />
      <CompactSubmit pending={pending} look="outline">
        {t('submit')}
      </CompactSubmit>
    </form>
  )
}
