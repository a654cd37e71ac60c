'use client'

import { useTranslations } from 'next-intl'
import { useActionState, useRef, useState } from 'react'
import type { ActionResult } from '@/lib/action'
import { clientMessageAction, replyAction } from '@/lib/requests/actions'
import { Button } from '@/components/ui/button'

type State = ActionResult<{ id: string }> | null

// One composer for both sides: staff may mark a message as an internal note.
export function Composer({ requestId, side }: { requestId: string; side: 'client' | 'staff' }) {
  const t = useTranslations()
  const formRef = useRef<HTMLFormElement>(null)
  const [internal, setInternal] = useState(false)
  const [state, action, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = side === 'staff' ? await replyAction(form) : await clientMessageAction(form)
    if (result.ok) formRef.current?.reset()
    return result
  }, null)
  const label = side === 'staff' ? (internal ? t('console.internalNote') : t('console.reply')) : t('portal.writeMessage')
  const error = state && !state.ok ? state.fieldErrors?.body ?? state.message : null

  return (
    <form ref={formRef} action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <label htmlFor="composer-body" className="block text-sm font-medium text-ink-soft">{label}</label>
      <textarea
        id="composer-body"
        name="body"
        rows={3}
        maxLength={4000}
        aria-invalid={error ? true : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) formRef.current?.requestSubmit()
        }}
        className={`block w-full rounded-xl border bg-white px-3 py-2 text-base outline-none focus:border-gold ${internal ? 'border-dashed border-warn' : 'border-line'}`}
      />
      {error && <p role="alert" className="text-sm text-bad">{error}</p>}
      <div className="flex items-center justify-between gap-3">
        {side === 'staff' ? (
          <label className="flex items-center gap-2 text-sm text-ink-soft">
            <input type="checkbox" name="internal" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
            {t('console.internalNote')}
          </label>
        ) : <span />}
        <Button type="submit" disabled={pending}>{pending ? t('common.sending') : side === 'staff' ? t('console.sendReply') : t('portal.send')}</Button>
      </div>
    </form>
  )
}
