'use client'

import { useEffect, useRef, useState } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { FormMessage } from '@/components/forms/form-message'
import { useActionCall } from '@/components/forms/use-action-form'

// A quiet button for an action that removes or switches something off: the first click asks
// ("Delete this shift?"), only the second does it, and Cancel or Escape steps back. The
// refusal, if any, is shown beside it in the viewer's language.
export function ConfirmActionButton<I>({
  action,
  input,
  label,
  question,
  confirmLabel,
  cancelLabel,
  testId,
}: {
  action: (input: I) => Promise<ActionResult<unknown>>
  input: I
  label: string
  question: string
  confirmLabel: string
  cancelLabel: string
  testId?: string
}) {
  const [asking, setAsking] = useState(false)
  const { run, pending, error } = useActionCall()
  const confirmRef = useRef<HTMLButtonElement>(null)
  const openRef = useRef<HTMLButtonElement>(null)
  const wasAsking = useRef(false)
  useEffect(() => {
    if (asking) confirmRef.current?.focus()
    else if (wasAsking.current) openRef.current?.focus()
    wasAsking.current = asking
  }, [asking])
  const quiet = 'whitespace-nowrap rounded-lg border border-line bg-white px-3 py-1 text-sm disabled:opacity-50'
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid={testId}>
      {asking ? (
        <span
          role="group"
          aria-label={question}
          className="inline-flex flex-wrap items-center gap-2"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setAsking(false)
          }}
        >
          <span className="text-sm text-ink">{question}</span>
          <button
            ref={confirmRef}
            type="button"
            disabled={pending}
            onClick={() => run(() => action(input), { onSuccess: () => setAsking(false) })}
            className={`${quiet} border-bad/40 font-medium text-bad hover:bg-bad/5`}
          >
            {confirmLabel}
          </button>
          <button
            type="button"
            onClick={() => setAsking(false)}
            className={`${quiet} text-ink-soft hover:bg-gold-soft`}
          >
            {cancelLabel}
          </button>
        </span>
      ) : (
        <button
          ref={openRef}
          type="button"
          onClick={() => setAsking(true)}
          className={`${quiet} text-ink-soft hover:border-bad/40 hover:text-bad`}
        >
          {label}
        </button>
      )}
      <FormMessage message={error} inline />
    </span>
  )
}
