'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react'
import type { ActionResult } from '@/lib/next/action'

type DraftFields = [string, string][]

type Options<T> = {
  // Clear the fields after a success (default true). A refusal never clears them.
  reset?: boolean
  // Re-render the page's server data after a success (default true); 'always' also after a
  // refusal, for forms whose refusal means the screen is stale (a version conflict).
  refresh?: boolean | 'always'
  onSuccess?: (data: T, sent: FormData) => void
  // Called with the form's data (and idempotency key, if any) just before it is sent: to show
  // the submission at once, before the server answers.
  onSubmit?: (data: FormData) => void
  onFailure?: (data: FormData, message: string) => void
  // A draft that outlives the page: what was typed and one idempotency key, kept in this tab's
  // sessionStorage under (form, user) until a submit succeeds. A retry after a lost answer, a
  // double click or a reload therefore stores the submission once. `onRestore` lets the form
  // put back fields it controls itself (radios, checkboxes); text fields and selects are
  // refilled here.
  draft?: { form: string; user: string; onRestore?: (fields: DraftFields) => void }
}

type StoredDraft = { key: string; fields: DraftFields }

const storageKey = (d: { form: string; user: string }) => `draft:${d.user}:${d.form}`

function readDraft(key: string): StoredDraft | null {
  try {
    const raw = sessionStorage.getItem(key)
    const parsed = raw ? (JSON.parse(raw) as StoredDraft) : null
    return parsed && typeof parsed.key === 'string' && Array.isArray(parsed.fields) ? parsed : null
  } catch {
    return null
  }
}

function writeDraft(key: string, draft: StoredDraft) {
  try {
    sessionStorage.setItem(key, JSON.stringify(draft))
  } catch {
    // Private mode or a full storage: the draft simply does not outlive the page.
  }
}

const REFILLED = new Set(['text', 'number', 'email', 'tel', 'url', 'search', 'datetime-local', 'date', 'time'])

function textFields(data: FormData): DraftFields {
  return [...data.entries()].flatMap(([name, value]) =>
    typeof value === 'string' && name !== 'idempotencyKey' && !name.startsWith('$') ? [[name, value]] : [],
  ) as DraftFields
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
  const draftOpt = options.draft
  const draftKey = draftOpt ? storageKey(draftOpt) : null
  // The key is created in the browser only (sessionStorage), after the first render.
  const idempotencyKey = useRef<string | null>(null)
  const onRestore = useRef(draftOpt?.onRestore)
  useEffect(() => {
    onRestore.current = draftOpt?.onRestore
  })

  // Restored text goes into the fields that exist; the rest wait for the form to render the
  // restored choices (a category shows its own fields) and are filled after that commit.
  const refill = useRef<DraftFields>([])
  const fillRestored = () => {
    const form = ref.current
    if (!form || refill.current.length === 0) return
    refill.current = refill.current.filter(([name, value]) => {
      const found = [
        ...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
          `[name="${CSS.escape(name)}"]`,
        ),
      ]
      for (const el of found) if (el instanceof HTMLInputElement ? REFILLED.has(el.type) : true) el.value = value
      return found.length === 0
    })
  }
  useEffect(() => {
    if (!draftKey) return
    const stored = readDraft(draftKey)
    idempotencyKey.current = stored?.key ?? crypto.randomUUID()
    if (!stored) return writeDraft(draftKey, { key: idempotencyKey.current, fields: [] })
    onRestore.current?.(stored.fields)
    refill.current = stored.fields
    fillRestored()
  }, [draftKey])
  useEffect(fillRestored)

  const saveDraft = () => {
    refill.current = []
    const form = ref.current
    if (!draftKey || !form || !idempotencyKey.current) return
    // Controlled fields settle after the event; read them once they have.
    setTimeout(() => {
      if (!idempotencyKey.current) return
      writeDraft(draftKey, { key: idempotencyKey.current, fields: textFields(new FormData(form)) })
    }, 0)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter)
    if (draftKey) {
      idempotencyKey.current ??= crypto.randomUUID()
      data.set('idempotencyKey', idempotencyKey.current)
      writeDraft(draftKey, { key: idempotencyKey.current, fields: textFields(data) })
    }
    options.onSubmit?.(data)
    startTransition(async () => {
      const outcome = await action(data).catch((): ActionResult<T> => ({ ok: false, message: t('connectionLost') }))
      setResult(outcome)
      if (!outcome.ok) {
        options.onFailure?.(data, outcome.message)
        if (options.refresh === 'always') router.refresh()
        return
      }
      if (draftKey) {
        // Stored: the next submission is a new one.
        idempotencyKey.current = crypto.randomUUID()
        writeDraft(draftKey, { key: idempotencyKey.current, fields: [] })
      }
      if (options.reset ?? true) form.reset()
      options.onSuccess?.(outcome.data, data)
      if (options.refresh !== false) router.refresh()
    })
  }

  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {}
  return {
    formProps: { ref, onSubmit, ...(draftKey ? { onInput: saveDraft, onChange: saveDraft } : {}) },
    pending,
    succeeded: result?.ok === true,
    data: result?.ok ? result.data : undefined,
    fieldError: (name: string): string | undefined => fieldErrors[name],
    // The refusal that belongs to no single field (shown by the submit button).
    formError: result && !result.ok && Object.keys(fieldErrors).length === 0 ? result.message : null,
    // For one-field forms: whatever went wrong, shown under that field.
    anyError: result && !result.ok ? (Object.values(fieldErrors)[0] ?? result.message) : null,
    // Lets a form write down a change it made itself (a canned reply inserted into the text).
    saveDraft,
    // Forgets the last answer (a form that goes back a step drops the refusal with it).
    clearResult: () => setResult(null),
  }
}

// The same for a button that calls an action directly (take, close, approve, reveal): one
// pending flag, the refusal in the user's language, and the page data refreshed as asked.
export function useActionCall() {
  const t = useTranslations('forms')
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  const run = <T>(
    call: () => Promise<ActionResult<T>>,
    options: Pick<Options<T>, 'refresh'> & { onSuccess?: (data: T) => void } = {},
  ) =>
    startTransition(async () => {
      const outcome = await call().catch((): ActionResult<T> => ({ ok: false, message: t('connectionLost') }))
      setError(outcome.ok ? null : outcome.message)
      if (outcome.ok) options.onSuccess?.(outcome.data)
      if (options.refresh === 'always' || (outcome.ok && options.refresh !== false)) router.refresh()
    })
  return { run, pending, error }
}
