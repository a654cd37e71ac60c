'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useActionState, useRef } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { createHandoffAction } from '@/lib/handoffs/actions'

export function HandoffForm({ requestId, colleagues }: { requestId: string; colleagues: { id: string; name: string }[] }) {
  const t = useTranslations('handoffs')
  const router = useRouter()
  const ref = useRef<HTMLFormElement>(null)
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(async (_p, form) => {
    const r = await createHandoffAction(form)
    if (r.ok) { ref.current?.reset(); router.refresh() }
    return r
  }, null)
  const err = state && !state.ok ? state.fieldErrors ?? {} : {}
  const field = 'block w-full rounded-lg border bg-white px-2 py-1.5 text-sm'
  const msg = (k: string) => err[k] && <p className="mt-1 text-xs text-bad">{err[k]}</p>
  return (
    <form ref={ref} action={action} className="mt-3 space-y-2 border-t border-line pt-3" aria-label={t('new')}>
      <input type="hidden" name="requestId" value={requestId} />
      <div>
        <label htmlFor="ho-team" className="text-xs text-ink-soft">{t('team')}</label>
        <input id="ho-team" name="team" maxLength={100} className={`${field} ${err.team ? 'border-bad' : 'border-line'}`} />
        {msg('team')}
      </div>
      <div>
        <label htmlFor="ho-owner" className="text-xs text-ink-soft">{t('owner')}</label>
        <select id="ho-owner" name="ownerId" defaultValue="" className={`${field} border-line`}>
          <option value="">{t('ownerSelf')}</option>
          {colleagues.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="ho-need" className="text-xs text-ink-soft">{t('need')}</label>
        <textarea id="ho-need" name="need" rows={2} maxLength={1000} className={`${field} ${err.need ? 'border-bad' : 'border-line'}`} />
        {msg('need')}
      </div>
      <div>
        <label htmlFor="ho-due" className="text-xs text-ink-soft">{t('due')}</label>
        <input id="ho-due" name="dueAt" type="datetime-local" className={`${field} ${err.dueAt ? 'border-bad' : 'border-line'}`} />
        {msg('dueAt')}
      </div>
      {state && !state.ok && !Object.keys(err).length && <p role="alert" className="text-sm text-bad">{state.message}</p>}
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-ink py-1.5 text-sm text-ivory disabled:opacity-50">{t('add')}</button>
    </form>
  )
}
