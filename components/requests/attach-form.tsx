'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useActionState, useRef } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { uploadAttachmentAction } from '@/lib/attachments/actions'

export function AttachForm({ requestId }: { requestId: string }) {
  const t = useTranslations('attachments')
  const router = useRouter()
  const ref = useRef<HTMLFormElement>(null)
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(async (_p, form) => {
    const r = await uploadAttachmentAction(form)
    if (r.ok) { ref.current?.reset(); router.refresh() }
    return r
  }, null)
  const error = state && !state.ok ? state.fieldErrors?.file ?? state.message : null
  return (
    <form ref={ref} action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <label htmlFor={`file-${requestId}`} className="block text-sm text-ink-soft">{t('attach')}</label>
      <div className="flex gap-2">
        <input id={`file-${requestId}`} name="file" type="file" accept="application/pdf,image/jpeg,image/png,image/webp,image/heic"
          className="min-w-0 flex-1 text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-gold-soft file:px-3 file:py-1.5" />
        <button type="submit" disabled={pending} className="rounded-lg bg-ink px-3 text-sm text-ivory disabled:opacity-50">{t('upload')}</button>
      </div>
      <p className="text-xs text-ink-soft">{t('hint')}</p>
      {error && <p role="alert" className="text-sm text-bad">{error}</p>}
      {state?.ok && <p className="text-xs text-ok">{t('uploaded')}</p>}
    </form>
  )
}
