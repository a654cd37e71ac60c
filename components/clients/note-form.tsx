'use client'

import { useTranslations } from 'next-intl'
import { useActionState, useRef } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { addClientNoteAction } from '@/lib/clients/actions'

export function NoteForm({ clientId }: { clientId: string }) {
  const t = useTranslations('client360')
  const ref = useRef<HTMLFormElement>(null)
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(async (_p, form) => {
    const r = await addClientNoteAction(form)
    if (r.ok) ref.current?.reset()
    return r
  }, null)
  const error = state && !state.ok ? state.fieldErrors?.body ?? state.message : null
  return (
    <form ref={ref} action={action} className="space-y-2">
      <input type="hidden" name="clientId" value={clientId} />
      <label htmlFor="note-body" className="sr-only">{t('addNote')}</label>
      <textarea id="note-body" name="body" rows={2} maxLength={2000} placeholder={t('notePlaceholder')}
        aria-invalid={error ? true : undefined}
        className="block w-full rounded-xl border border-line bg-white px-3 py-2 text-sm outline-none focus:border-gold" />
      {error && <p role="alert" className="text-sm text-bad">{error}</p>}
      <div className="flex items-center justify-between">
        <label className="flex items-center gap-2 text-sm text-ink-soft"><input type="checkbox" name="pinned" /> {t('pin')}</label>
        <button type="submit" disabled={pending} className="rounded-lg bg-ink px-3 py-1.5 text-sm text-ivory disabled:opacity-50">{t('addNote')}</button>
      </div>
    </form>
  )
}
