'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useActionState, useTransition } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { careToRequestAction, recordOutreachAction } from '@/lib/care/actions'

export function CareActions({ careTaskId, summary }: { careTaskId: string; summary: string }) {
  const t = useTranslations('care')
  const router = useRouter()
  const [pending, start] = useTransition()
  const [state, action, saving] = useActionState<ActionResult<{ done: boolean }> | null, FormData>(async (_p, form) => {
    const r = await recordOutreachAction(form)
    if (r.ok) router.refresh()
    return r
  }, null)
  const error = state && !state.ok ? state.fieldErrors?.outreach ?? state.message : null
  return (
    <div className="mt-2 space-y-1">
      <form action={action} className="flex gap-2">
        <input type="hidden" name="careTaskId" value={careTaskId} />
        <label htmlFor={`outreach-${careTaskId}`} className="sr-only">{t('outreach')}</label>
        <input id={`outreach-${careTaskId}`} name="outreach" maxLength={1000} placeholder={t('outreachPlaceholder')}
          className="min-w-0 flex-1 rounded-lg border border-line bg-white px-2 py-1 text-sm" />
        <button type="submit" disabled={saving} className="rounded-lg bg-ink px-3 py-1 text-xs text-ivory">{t('record')}</button>
        <button type="button" disabled={pending} className="rounded-lg border border-line px-3 py-1 text-xs hover:bg-gold-soft"
          onClick={() => start(async () => {
            const r = await careToRequestAction({ careTaskId, title: summary })
            if (r.ok) router.push(`/console/requests/${r.data.id}`)
          })}>
          {t('toRequest')}
        </button>
      </form>
      {error && <p role="alert" className="text-xs text-bad">{error}</p>}
    </div>
  )
}
