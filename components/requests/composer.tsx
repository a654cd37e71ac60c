'use client'

import { useTranslations } from 'next-intl'
import { useActionState, useRef, useState } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { clientMessageAction, replyAction } from '@/lib/requests/actions'
import { Button } from '@/components/ui/button'

type State = ActionResult<{ id: string }> | null

// One composer for both sides: staff may mark a message as an internal note.
type Canned = { id: string; title: string; body: string }

export function Composer({
  requestId,
  side,
  canned = [],
}: {
  requestId: string
  side: 'client' | 'staff'
  canned?: Canned[]
}) {
  const t = useTranslations()
  const formRef = useRef<HTMLFormElement>(null)
  const [internal, setInternal] = useState(false)
  // One key per message: a double click or a retry stores it once; a sent message gets a new key.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID())
  const [state, action, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = side === 'staff' ? await replyAction(form) : await clientMessageAction(form)
    if (result.ok) {
      formRef.current?.reset()
      setIdempotencyKey(crypto.randomUUID())
    }
    return result
  }, null)
  const label =
    side === 'staff' ? (internal ? t('console.internalNote') : t('console.reply')) : t('portal.writeMessage')
  const error = state && !state.ok ? (state.fieldErrors?.body ?? state.message) : null

  return (
    <form ref={formRef} action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="flex items-center justify-between gap-2">
        <label htmlFor="composer-body" className="block text-sm font-medium text-ink-soft">
          {label}
        </label>
        {canned.length > 0 && (
          <select
            aria-label={t('console.canned')}
            value=""
            onChange={(e) => {
              const reply = canned.find((c) => c.id === e.target.value)
              const box = formRef.current?.elements.namedItem('body') as HTMLTextAreaElement | null
              if (reply && box) {
                box.value = box.value ? `${box.value}\n${reply.body}` : reply.body
                box.focus()
              }
            }}
            className="rounded-lg border border-line bg-white px-2 py-1 text-xs text-ink-soft"
          >
            <option value="">{t('console.canned')}</option>
            {canned.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        )}
      </div>
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
      {error && (
        <p role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
      <div className="flex items-center justify-between gap-3">
        {side === 'staff' ? (
          <label className="flex items-center gap-2 text-sm text-ink-soft">
            <input type="checkbox" name="internal" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
            {t('console.internalNote')}
          </label>
        ) : (
          <span />
        )}
        <Button type="submit" disabled={pending}>
          {pending ? t('common.sending') : side === 'staff' ? t('console.sendReply') : t('portal.send')}
        </Button>
      </div>
    </form>
  )
}
