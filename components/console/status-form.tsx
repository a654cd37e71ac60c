'use client'

import { useTranslations } from 'next-intl'
import type { RequestStatus } from '@/lib/requests/state-machine'
import { changeStatusAction } from '@/lib/requests/actions'
import { MANUAL_STATUSES } from '@/lib/requests/schemas'
import { TRANSITIONS } from '@/lib/requests/state-machine'
import { CompactSubmit } from '@/components/forms/compact-fields'
import { FormMessage } from '@/components/forms/form-message'
import { InlineSelect } from '@/components/forms/inline-fields'
import { useActionForm } from '@/components/forms/use-action-form'

export function StatusForm({
  requestId,
  status,
  version,
}: {
  requestId: string
  status: RequestStatus
  version: number
}) {
  const t = useTranslations()
  const next = TRANSITIONS[status].filter((s) => (MANUAL_STATUSES as readonly string[]).includes(s))
  const { formProps, pending, anyError } = useActionForm(changeStatusAction, { reset: false, refresh: 'always' })
  if (next.length === 0) return null
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <InlineSelect id="status-next" name="status" label={t('console.changeStatus')} submitsOnEnter>
        {next.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </InlineSelect>
      <CompactSubmit pending={pending} fit="row">
        {t('console.apply')}
      </CompactSubmit>
      <FormMessage message={anyError} className="w-full text-sm" />
    </form>
  )
}
