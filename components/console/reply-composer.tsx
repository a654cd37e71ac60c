'use client'

import { useTranslations } from 'next-intl'
import { useRef, useState } from 'react'
import { replyAction } from '@/lib/requests/actions'
import { useActionForm } from '@/components/forms/use-action-form'
import { usePendingSends, useRetryWith } from '@/components/live/live-request'
import { useRequestPresence } from '@/components/presence/request-presence'

type Mode = 'reply' | 'note'
type Canned = { id: string; title: string; body: string }

// The butler's composer in two modes chosen with tabs: a reply the client reads, or an internal
// note only the team sees. A note looks unmistakably internal before it is sent (amber, dashed,
// "Only the team sees this"), so it cannot go to the client by mistake. Sends show at once in
// the thread as pending; the draft (text, mode, idempotency key) outlives a lost answer.
export function ReplyComposer({
  requestId,
  userId,
  clientName,
  canned,
}: {
  requestId: string
  userId: string
  clientName: string
  canned: Canned[]
}) {
  const t = useTranslations('console')
  const { watchers, typing } = useRequestPresence()
  const [mode, setMode] = useState<Mode>('reply')
  const note = mode === 'note'
  const box = useRef<HTMLTextAreaElement>(null)
  const restoreMode = (fields: [string, string][]) => setMode(fields.some(([n]) => n === 'internal') ? 'note' : 'reply')
  const { formProps, pending, anyError, saveDraft } = useActionForm(replyAction, {
    refresh: false,
    draft: { form: `message:${requestId}`, user: userId, onRestore: restoreMode },
    ...usePendingSends(),
  })
  const form = formProps.ref
  useRetryWith(form)

  // A canned reply goes in at the caret, on a line of its own, and is kept in the draft.
  const insertCanned = (id: string) => {
    const text = canned.find((c) => c.id === id)?.body
    const el = box.current
    if (!text || !el) return
    const before = el.value.slice(0, el.selectionStart)
    el.setRangeText(`${before && !before.endsWith('\n') ? '\n' : ''}${text}`, el.selectionStart, el.selectionEnd, 'end')
    el.focus()
    saveDraft()
  }

  const choose = (next: Mode) => {
    setMode(next)
    saveDraft()
  }
  const replying = watchers.filter((w) => w.replying)
  const tab = (m: Mode, label: string) => (
    <button
      type="button"
      role="tab"
      id={`composer-tab-${m}`}
      data-mode={m}
      aria-selected={mode === m}
      aria-controls="composer-panel"
      tabIndex={mode === m ? 0 : -1}
      onClick={() => choose(m)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          e.preventDefault()
          const other: Mode = m === 'reply' ? 'note' : 'reply'
          choose(other)
          document.getElementById(`composer-tab-${other}`)?.focus()
        }
      }}
      className={`-mb-px rounded-t-xl border px-4 py-2 text-sm font-medium ${
        mode === m
          ? m === 'note'
            ? 'border-amber-500 border-b-transparent bg-amber-50 text-ink'
            : 'border-line border-b-transparent bg-white text-ink'
          : 'border-transparent text-ink-soft hover:text-ink'
      }`}
    >
      {label}
    </button>
  )

  return (
    <section aria-label={t('composer')}>
      <div role="tablist" aria-label={t('composer')} className="flex gap-1">
        {tab('reply', t('modeReply'))}
        {tab('note', t('modeNote'))}
      </div>
      <form
        {...formProps}
        id="composer-panel"
        role="tabpanel"
        aria-labelledby={`composer-tab-${mode}`}
        data-mode={mode}
        className={`space-y-2 rounded-b-2xl rounded-tr-2xl border p-4 ${note ? 'border-dashed border-amber-500 bg-amber-50' : 'border-line bg-white'}`}
      >
        <input type="hidden" name="requestId" value={requestId} />
        {note && <input type="hidden" name="internal" value="on" />}
        <div className="flex items-center justify-between gap-2">
          <label htmlFor="composer-body" className="text-sm font-medium text-ink">
            {note ? t('noteFor') : t('replyTo', { name: clientName })}
          </label>
          <select
            id="composer-canned"
            aria-label={t('canned')}
            value=""
            onChange={(e) => insertCanned(e.target.value)}
            disabled={canned.length === 0}
            className="rounded-lg border border-line bg-white px-2 py-1 text-xs text-ink"
          >
            <option value="">{t('canned')}</option>
            {canned.map(({ id, title, body }) => (
              <option key={id} value={id} title={body}>
                {title}
              </option>
            ))}
          </select>
        </div>
        <p
          className={
            note ? 'rounded-lg bg-amber-100 px-3 py-1.5 text-sm font-medium text-ink' : 'text-xs text-ink-soft'
          }
          data-testid="composer-audience"
        >
          {note ? t('noteAudience') : t('replyAudience', { name: clientName })}
        </p>
        <textarea
          id="composer-body"
          ref={box}
          name="body"
          rows={4}
          maxLength={4000}
          readOnly={pending}
          aria-invalid={anyError ? true : undefined}
          aria-describedby="composer-hint"
          onInput={typing}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) form.current?.requestSubmit()
          }}
          className={`block w-full rounded-xl border px-3 py-2 text-base outline-none focus:border-ink ${note ? 'border-amber-400 bg-white' : 'border-line bg-white'}`}
        />
        {anyError && (
          <p role="alert" className="text-sm text-bad">
            {anyError}
          </p>
        )}
        {replying.length > 0 && !note && (
          <p role="status" className="rounded-lg bg-warn/15 px-3 py-2 text-sm text-ink">
            {t('alsoReplying', { names: replying.map((w) => w.name).join('、') })}
          </p>
        )}
        <div className="flex items-center justify-between gap-3">
          <p id="composer-hint" className="text-xs text-ink-soft">
            {t('sendHint')}
          </p>
          <button
            type="submit"
            disabled={pending}
            className={`rounded-xl px-4 py-2 text-sm font-medium disabled:opacity-60 ${note ? 'border border-amber-600 bg-amber-100 text-ink hover:bg-amber-200' : 'bg-ink text-ivory hover:bg-ink/90'}`}
          >
            {pending ? t('sending') : note ? t('addNote') : t('sendReply')}
          </button>
        </div>
      </form>
    </section>
  )
}
