'use client'

import { useTranslations } from 'next-intl'
import { useId } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { Button } from '@/components/ui/button'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { useSheet } from '@/components/ui/sheet'

export type SheetField =
  | { name: string; label: string; kind: 'text' | 'email' | 'tel' | 'date'; value?: string | null; hint?: string }
  | { name: string; label: string; kind: 'select'; value?: string | null; options: { value: string; label: string }[] }
  | { name: string; label: string; kind: 'checkbox'; value?: boolean }

const input = (error: boolean) =>
  `block min-h-11 w-full rounded-xl border bg-white px-3 text-base outline-none focus:border-gold ${error ? 'border-bad' : 'border-line'}`

// One record edited in a sheet: labelled fields stacked for a phone, errors under each field,
// input kept after a refusal; with onDelete, a quiet delete that asks before it acts.
export function SheetForm({
  id,
  action,
  onDelete,
  fields,
  submitLabel,
  deleteLabel,
  deleteQuestion,
}: {
  id: string
  action: (form: FormData) => Promise<ActionResult<unknown>>
  onDelete?: (form: FormData) => Promise<ActionResult<unknown>>
  fields: SheetField[]
  submitLabel: string
  deleteLabel?: string
  deleteQuestion?: string
}) {
  const t = useTranslations('sheet')
  const sheet = useSheet()
  const { formProps, pending, fieldError, formError } = useActionForm(
    (form: FormData) => (form.get('intent') === 'delete' && onDelete ? onDelete(form) : action(form)),
    { reset: !id, onSuccess: () => sheet?.close() },
  )
  // Several sheets (and their "new" forms) live on one page: every field gets its own id.
  const uid = useId()
  const key = (name: string) => `${uid}-${name}`
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="id" value={id} />
      {fields.map((f) => {
        const error = fieldError(f.name)
        const describedBy = error ? `${key(f.name)}-error` : undefined
        if (f.kind === 'checkbox')
          return (
            <label key={f.name} className="flex min-h-11 items-center gap-3 text-sm">
              <input type="checkbox" name={f.name} defaultChecked={f.value ?? false} className="size-5 accent-ink" />
              {f.label}
            </label>
          )
        return (
          <div key={f.name}>
            <label htmlFor={key(f.name)} className="mb-1 block text-sm font-medium text-ink-soft">
              {f.label}
            </label>
            {f.kind === 'select' ? (
              <select
                id={key(f.name)}
                name={f.name}
                defaultValue={f.value ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                className={input(!!error)}
              >
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={key(f.name)}
                name={f.name}
                type={f.kind}
                defaultValue={f.value ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                className={input(!!error)}
              />
            )}
            <FormMessage id={`${key(f.name)}-error`} message={error} className="text-sm" />
          </div>
        )
      })}
      <FormMessage message={formError} className="text-sm" />
      <div className="flex flex-wrap items-center justify-between gap-2 pt-2">
        {onDelete && deleteLabel ? (
          <ConfirmButton
            label={deleteLabel}
            question={deleteQuestion ?? t('sure')}
            name="intent"
            value="delete"
            disabled={pending}
          />
        ) : (
          <span />
        )}
        <Button type="submit" name="intent" value="save" disabled={pending}>
          {pending ? t('saving') : submitLabel}
        </Button>
      </div>
    </form>
  )
}
