'use client'

import { useTranslations } from 'next-intl'
import type { RequestStatus } from '@/lib/requests/state-machine'
import { changeStatusAction } from '@/lib/requests/actions'
import { MANUAL_STATUSES } from '@/lib/requests/schemas'
import { TRANSITIONS } from '@/lib/requests/state-machine'
import { FormMessage } from '@/components/forms/form-message'
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
      <label htmlFor="status-next" className="text-sm text-ink-soft">
        {t('console.changeStatus')}
      </label>
      <select
        id="status-next"
        name="status"
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            e.currentTarget.form?.requestSubmit()
          }
        }}
        className="min-h-9 rounded-lg border border-line bg-white px-2 text-sm"
      >
        {next.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="min-h-9 rounded-lg bg-ink px-3 text-sm text-ivory disabled:opacity-50"
      >
        {t('console.apply')}
      </button>
      <FormMessage message={anyError} className="w-full text-sm" />
    </form>
  )
}
