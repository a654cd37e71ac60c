'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useRef, useState, useTransition, type FormEvent } from 'react'
import type { ActionResult } from '@/lib/next/action'

type Options<T> = {
  // Clear the fields after a success (default true). A refusal never clears them.
  reset?: boolean
  // Re-render the page's server data after a success (default true); 'always' also after a
  // refusal, for forms whose refusal means the screen is stale (a version conflict).
  refresh?: boolean | 'always'
  onSuccess?: (data: T) => void
}

// The one way a form talks to a server action. The form is submitted by hand rather than
// through `<form action>`, because React clears a form after its action runs: a refusal (field
// errors, a rate limit, a lost connection) must leave everything the user typed in place.
export function useActionForm<T>(action: (form: FormData) => Promise<ActionResult<T>>, options: Options<T> = {}) {
  const t = useTranslations('forms')
  const router = useRouter()
  const ref = useRef<HTMLFormElement>(null)
  const [result, setResult] = useState<ActionResult<T> | null>(null)
  const [pending, startTransition] = useTransition()

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter)
    startTransition(async () => {
      const outcome = await action(data).catch((): ActionResult<T> => ({ ok: false, message: t('connectionLost') }))
      setResult(outcome)
      if (!outcome.ok) {
        if (options.refresh === 'always') router.refresh()
        return
      }
      if (options.reset ?? true) form.reset()
      options.onSuccess?.(outcome.data)
      if (options.refresh !== false) router.refresh()
    })
  }

  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {}
  return {
    formProps: { ref, onSubmit },
    pending,
    succeeded: result?.ok === true,
    data: result?.ok ? result.data : undefined,
    fieldError: (name: string): string | undefined => fieldErrors[name],
    // The refusal that belongs to no single field (shown by the submit button).
    formError: result && !result.ok && Object.keys(fieldErrors).length === 0 ? result.message : null,
    // For one-field forms: whatever went wrong, shown under that field.
    anyError: result && !result.ok ? (Object.values(fieldErrors)[0] ?? result.message) : null,
  }
}

// The same for a button that calls an action directly (take, close, approve, reveal): one
// pending flag, the refusal in the user's language, and the page data refreshed as asked.
export function useActionCall() {
  const t = useTranslations('forms')
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  const run = <T>(call: () => Promise<ActionResult<T>>, options: Omit<Options<T>, 'reset'> = {}) =>
    startTransition(async () => {
      const outcome = await call().catch((): ActionResult<T> => ({ ok: false, message: t('connectionLost') }))
      setError(outcome.ok ? null : outcome.message)
      if (outcome.ok) options.onSuccess?.(outcome.data)
      if (options.refresh === 'always' || (outcome.ok && options.refresh !== false)) router.refresh()
    })
  return { run, pending, error }
}
