import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { FormMessage } from './form-message'

// Full-size labelled controls for the portal's forms and sheets: a visible label above, a 44 px
// control with 16 px text (phones do not zoom into it), the refusal under it, tied to it for
// screen readers. The console's smaller ones are in compact-fields.tsx.
type Labelled = { id: string; label: string; error?: string | null }

// `dense`: 14 px text, for the console's wide screens where a phone's zoom is not a concern.
const control = (error?: string | null, dense = false) =>
  `block w-full rounded-xl border bg-white px-3 outline-none focus:border-gold ${dense ? 'text-sm' : 'text-base'} ${error ? 'border-bad' : 'border-line'}`

const described = (id: string, error?: string | null) =>
  error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}

function Frame({ id, label, error, children }: Labelled & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink-soft">
        {label}
      </label>
      {children}
      <FormMessage id={`${id}-error`} message={error} className="text-sm" />
    </div>
  )
}

export function SelectField({ id, label, error, ...rest }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Frame id={id} label={label} error={error}>
      <select id={id} className={`min-h-11 ${control(error)}`} {...described(id, error)} {...rest} />
    </Frame>
  )
}

export function TextareaField({
  id,
  label,
  error,
  dense = false,
  ...rest
}: Labelled & { dense?: boolean } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Frame id={id} label={label} error={error}>
      <textarea id={id} className={`py-2 ${control(error, dense)}`} {...described(id, error)} {...rest} />
    </Frame>
  )
}

/** The form's refusal (if any) and its one primary button, as the portal's forms end. */
export function SubmitRow({
  pending,
  error,
  children,
  wide = false,
}: {
  pending: boolean
  error?: string | null
  children: ReactNode
  wide?: boolean
}) {
  return (
    <>
      <FormMessage message={error} className="text-sm" />
      <button
        type="submit"
        disabled={pending}
        className={`min-h-11 rounded-xl bg-ink text-sm font-medium text-ivory disabled:opacity-50 ${wide ? 'w-full' : ''}`}
      >
        {children}
      </button>
    </>
  )
}
