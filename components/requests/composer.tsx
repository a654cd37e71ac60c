'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import { clientMessageAction, replyAction } from '@/lib/requests/actions'
import { Button } from '@/components/ui/button'
import { useActionForm } from '@/components/forms/use-action-form'
import { useLiveRequest } from '@/components/live/live-request'
import { ActingFor } from '@/components/portal/acting-for'

// One composer for both sides: staff may mark a message as an internal note.
type Canned = { id: string; title: string; body: string }

const keyOf = (data: FormData) => String(data.get('idempotencyKey') ?? '')

// A send shows in the thread at once as pending, then confirmed. The draft (text and
// idempotency key) is kept until the server confirms it, across a lost answer or a reload, so
// sending it again can never store it twice.
export function Composer({
  requestId,
  userId,
  side,
  canned = [],
  actingFor = [],
}: {
  requestId: string
  userId: string
  side: 'client' | 'staff'
  canned?: Canned[]
  // A delegate's principals: she is told on whose behalf she writes.
  actingFor?: string[]
}) {
  const t = useTranslations()
  const { addPending, failPending, confirmPending, setRetry } = useLiveRequest()
  const [internal, setInternal] = useState(false)
  const { formProps, pending, anyError, saveDraft } = useActionForm(
    side === 'staff' ? replyAction : clientMessageAction,
    {
      // The thread applies the message itself; nothing else on the page changes.
      refresh: false,
      draft: { form: `message:${requestId}`, user: userId },
      onSubmit: (data) => {
        const body = String(data.get('body') ?? '').trim()
        if (body) addPending({ key: keyOf(data), body, internal: data.get('internal') === 'on' })
      },
      onFailure: (data) => failPending(keyOf(data)),
      onSuccess: (sent, data) => confirmPending(keyOf(data), sent.id),
    },
  )
  const form = formProps.ref
  useEffect(() => {
    setRetry(() => form.current?.requestSubmit())
    return () => setRetry(null)
  }, [form, setRetry])
  const label =
    side === 'staff' ? (internal ? t('console.internalNote') : t('console.reply')) : t('portal.writeMessage')

  const box = (
    <textarea
      id="composer-body"
      name="body"
      rows={side === 'client' ? 2 : 3}
      maxLength={4000}
      readOnly={pending}
      aria-invalid={anyError ? true : undefined}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) form.current?.requestSubmit()
      }}
      className={`block w-full rounded-xl border bg-white px-3 py-2 text-base outline-none focus:border-gold ${internal ? 'border-dashed border-warn' : 'border-line'}`}
    />
  )
  const error = anyError && (
    <p role="alert" className="text-sm text-bad">
      {anyError}
    </p>
  )

  // The client writes in one row beside the send button; staff get canned replies and the
  // internal-note switch around a taller box.
  const cannedPicker = canned.length > 0 && (
    <select
      aria-label={t('console.canned')}
      value=""
      onChange={(e) => {
        const reply = canned.find((c) => c.id === e.target.value)
        const area = form.current?.elements.namedItem('body') as HTMLTextAreaElement | null
        if (reply && area) {
          area.value = area.value ? `${area.value}\n${reply.body}` : reply.body
          area.focus()
          saveDraft()
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
  )
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor="composer-body" className="block text-sm font-medium text-ink-soft">
          {label}
        </label>
        {side === 'client' ? <ActingFor names={actingFor} /> : cannedPicker}
      </div>
      {side === 'client' ? (
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">{box}</div>
          <Button type="submit" disabled={pending} className="shrink-0">
            {pending ? t('common.sending') : t('portal.send')}
          </Button>
        </div>
      ) : (
        box
      )}
      {error}
      {side === 'staff' && (
        <div className="flex items-center justify-between gap-3">
          <label className="flex items-center gap-2 text-sm text-ink-soft">
            <input type="checkbox" name="internal" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
            {t('console.internalNote')}
          </label>
          <Button type="submit" disabled={pending}>
            {pending ? t('common.sending') : t('console.sendReply')}
          </Button>
        </div>
      )}
    </form>
  )
}
