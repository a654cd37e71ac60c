'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { transferRequestAction } from '@/lib/requests/actions'

export function TransferForm({ requestId, version, colleagues }: { requestId: string; version: number; colleagues: { id: string; name: string; onDuty: boolean }[] }) {
  const t = useTranslations('transfer')
  const tc = useTranslations('console')
  const router = useRouter()
  const [state, action, pending] = useActionState<ActionResult<{ assigneeId: string }> | null, FormData>(async (_p, form) => {
    const r = await transferRequestAction(form)
    router.refresh()
    return r
  }, null)
  const err = state && !state.ok ? state.fieldErrors ?? {} : {}
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor="tr-to" className="text-xs text-ink-soft">{t('to')}</label>
      <select id="tr-to" name="toButlerId" defaultValue="" className={`block w-full rounded-lg border bg-white px-2 py-1.5 text-sm ${err.toButlerId ? 'border-bad' : 'border-line'}`}>
        <option value="" disabled>{t('choose')}</option>
        {colleagues.map((c) => <option key={c.id} value={c.id}>{c.name} · {c.onDuty ? tc('onDuty') : tc('offDuty')}</option>)}
      </select>
      {err.toButlerId && <p className="text-xs text-bad">{err.toButlerId}</p>}
      <label htmlFor="tr-reason" className="text-xs text-ink-soft">{t('reason')}</label>
      <input id="tr-reason" name="reason" maxLength={500} className={`block w-full rounded-lg border bg-white px-2 py-1.5 text-sm ${err.reason ? 'border-bad' : 'border-line'}`} />
      {err.reason && <p className="text-xs text-bad">{err.reason}</p>}
      {state && !state.ok && !Object.keys(err).length && <p role="alert" className="text-sm text-bad">{state.message}</p>}
      <button type="submit" disabled={pending} className="w-full rounded-lg border border-ink py-1.5 text-sm disabled:opacity-50">{t('submit')}</button>
    </form>
  )
}
