import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { FormMessage } from './form-message'

// The console's compact fields (side panels of a request): a small label above, the control,
// and its refusal right under it, tied to the control for screen readers.
type Labelled = { id: string; label: string; error?: string }

const control = (error?: string) =>
  `block w-full rounded-lg border bg-white px-2 py-1.5 text-sm ${error ? 'border-bad' : 'border-line'}`

function Frame({ id, label, error, children }: Labelled & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="text-xs text-ink-soft">
        {label}
      </label>
      {children}
      <FormMessage id={`${id}-error`} message={error} />
    </div>
  )
}

const described = (id: string, error?: string) =>
  error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}

export function CompactInput({ id, label, error, ...rest }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame id={id} label={label} error={error}>
      <input id={id} className={control(error)} {...described(id, error)} {...rest} />
    </Frame>
  )
}

export function CompactTextarea({ id, label, error, ...rest }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Frame id={id} label={label} error={error}>
      <textarea id={id} className={control(error)} {...described(id, error)} {...rest} />
    </Frame>
  )
}

// `choose`: the select starts on this prompt ("Choose…"), which cannot be picked back.
export function CompactSelect({
  id,
  label,
  error,
  choose,
  children,
  ...rest
}: Labelled & { choose?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Frame id={id} label={label} error={error}>
      <select
        id={id}
        className={control(error)}
        {...(choose === undefined ? {} : { defaultValue: '' })}
        {...described(id, error)}
        {...rest}
      >
        {choose !== undefined && (
          <option value="" disabled>
            {choose}
          </option>
        )}
        {children}
      </select>
    </Frame>
  )
}

// The console's small buttons that send a form: one shape, a few looks and fits. `block` fills
// a side panel's width; `inline` and `tight` sit beside other controls; `row` matches the
// height of the inline fields (inline-fields.tsx).
const SUBMIT_LOOKS = {
  solid: 'bg-ink text-ivory',
  outline: 'border border-ink',
  ok: 'bg-ok text-white',
  quiet: 'border border-line',
  remove: 'border border-line text-ink-soft hover:text-bad',
}
const SUBMIT_FITS = { block: 'w-full py-1.5', inline: 'px-3 py-1.5', tight: 'px-3 py-1', row: 'min-h-9 px-3' }

export function CompactSubmit({
  pending = false,
  look = 'solid',
  fit = 'block',
  name,
  value,
  children,
}: {
  pending?: boolean
  look?: keyof typeof SUBMIT_LOOKS
  fit?: keyof typeof SUBMIT_FITS
  // A form with two submits (save or delete, approve or decline) tells them apart by name=value.
  name?: string
  value?: string
  children: ReactNode
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      className={`rounded-lg text-sm disabled:opacity-50 ${SUBMIT_LOOKS[look]} ${SUBMIT_FITS[fit]}`}
    >
      {children}
    </button>
  )
}
