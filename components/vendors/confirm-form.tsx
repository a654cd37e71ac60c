'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { confirmVendorTaskAction } from '@/lib/vendors/actions'

export function ConfirmVendorForm({ taskId, version }: { taskId: string; version: number }) {
  const t = useTranslations('vendors')
  const router = useRouter()
  const [state, action, pending] = useActionState<ActionResult<{ confirmed: boolean }> | null, FormData>(async (_p, form) => {
    const r = await confirmVendorTaskAction(form)
    if (r.ok) router.refresh()
    return r
  }, null)
  const error = state && !state.ok ? state.fieldErrors?.confirmationRef ?? state.message : null
  return (
    <form action={action} className="mt-2 flex flex-wrap gap-2">
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={`ref-${taskId}`} className="sr-only">{t('confirmationRef')}</label>
      <input id={`ref-${taskId}`} name="confirmationRef" placeholder={t('confirmationRef')} maxLength={200}
        className="min-w-0 flex-1 rounded-lg border border-line bg-white px-2 py-1 text-sm" />
      <button type="submit" disabled={pending} className="rounded-lg bg-ok px-3 py-1 text-sm text-white disabled:opacity-50">{t('confirm')}</button>
      {error && <p role="alert" className="w-full text-xs text-bad">{error}</p>}
    </form>
  )
}
