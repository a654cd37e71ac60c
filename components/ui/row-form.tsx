'use client'

import { useTranslations } from 'next-intl'
import type { ActionResult } from '@/lib/next/action'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { CompactSubmit } from '@/components/forms/compact-fields'

export type RowField =
  | {
      name: string
      label: string
      kind: 'text' | 'number' | 'textarea' | 'password'
      value?: string | number | null
      width?: string
    }
  | { name: string; label: string; kind: 'select'; value?: string | null; options: { value: string; label: string }[] }
  | { name: string; label: string; kind: 'checkbox'; value?: boolean }

// One editable record of a list: fields in a row, errors under each, saved in place.
// With onDelete, a delete button submits the same hidden fields to that action.
export function RowForm({
  action,
  onDelete,
  hidden,
  fields,
  submitLabel,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>
  onDelete?: (form: FormData) => Promise<ActionResult<unknown>>
  hidden: Record<string, string>
  fields: RowField[]
  submitLabel: string
}) {
  const t = useTranslations('common')
  const { formProps, pending, fieldError, formError, succeeded } = useActionForm(
    (form: FormData) => (form.get('intent') === 'delete' && onDelete ? onDelete(form) : action(form)),
    { reset: false },
  )
  const box = (name: string) =>
    `rounded-lg border bg-white px-2 py-1 text-sm ${fieldError(name) ? 'border-bad' : 'border-line'}`
  return (
    <form {...formProps} className="flex flex-wrap items-start gap-2 border-b border-line py-2">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => (
        <div key={f.name} className={f.kind === 'textarea' ? 'min-w-72 flex-1' : ''}>
          {f.kind === 'checkbox' ? (
            <label className="flex items-center gap-1 pt-1.5 text-sm text-ink-soft">
              <input type="checkbox" name={f.name} defaultChecked={f.value ?? false} /> {f.label}
            </label>
          ) : f.kind === 'select' ? (
            <select aria-label={f.label} name={f.name} defaultValue={f.value ?? ''} className={box(f.name)}>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : f.kind === 'textarea' ? (
            <textarea
              aria-label={f.label}
              placeholder={f.label}
              name={f.name}
              defaultValue={f.value ?? ''}
              rows={2}
              className={`${box(f.name)} w-full`}
            />
          ) : (
            <input
              aria-label={f.label}
              placeholder={f.label}
              name={f.name}
              defaultValue={f.value ?? ''}
              type={f.kind === 'password' ? 'password' : 'text'}
              autoComplete={f.kind === 'password' ? 'off' : undefined}
              inputMode={f.kind === 'number' ? 'numeric' : undefined}
              className={`${box(f.name)} ${f.width ?? 'w-48'}`}
            />
          )}
          <FormMessage message={fieldError(f.name)} />
        </div>
      ))}
      <CompactSubmit pending={pending} fit="tight" name="intent" value="save">
        {submitLabel}
      </CompactSubmit>
      {onDelete && (
        <CompactSubmit pending={pending} fit="tight" look="remove" name="intent" value="delete">
          {t('delete')}
        </CompactSubmit>
      )}
      <FormMessage message={formError} className="w-full" />
      {succeeded && <span className="pt-1 text-xs text-ok">{t('saved')}</span>}
    </form>
  )
}
