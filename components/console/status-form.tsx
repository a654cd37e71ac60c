'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import type { ActionResult } from '@/lib/next/action'
import type { RequestStatus } from '@/lib/requests/state-machine'
import { changeStatusAction } from '@/lib/requests/actions'
import { MANUAL_STATUSES } from '@/lib/requests/schemas'
import { TRANSITIONS } from '@/lib/requests/state-machine'

export function StatusForm({ requestId, status, version }: { requestId: string; status: RequestStatus; version: number }) {
  const t = useTranslations()
  const router = useRouter()
  const next = TRANSITIONS[status].filter((s) => (MANUAL_STATUSES as readonly string[]).includes(s))
  const [state, action, pending] = useActionState<ActionResult<{ status: string }> | null, FormData>(async (_p, form) => {
    const result = await changeStatusAction(form)
    router.refresh()
    return result
  }, null)
  if (next.length === 0) return null
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor="status-next" className="text-sm text-ink-soft">{t('console.changeStatus')}</label>
      <select
        id="status-next"
        name="status"
        onKeyDown={(e) => {
          if (e.key === 'Enter') { e.preventDefault(); e.currentTarget.form?.requestSubmit() }
        }}
        className="min-h-9 rounded-lg border border-line bg-white px-2 text-sm"
      >
        {next.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
      </select>
      <button type="submit" disabled={pending} className="min-h-9 rounded-lg bg-ink px-3 text-sm text-ivory disabled:opacity-50">
        {t('console.apply')}
      </button>
      {state && !state.ok && <p role="alert" className="w-full text-sm text-bad">{state.fieldErrors?.status ?? state.message}</p>}
    </form>
  )
}
