import type { InputHTMLAttributes, ReactNode } from 'react'

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string
  name: string
  error?: string
  hint?: ReactNode
}

// A labelled input whose error sits right under it and is announced with the field.
export function Field({ label, name, error, hint, className = '', ...rest }: Props) {
  const id = `f-${name.replace(/\W/g, '-')}`
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink-soft">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`block min-h-11 w-full rounded-xl border bg-white px-3 text-base outline-none focus:border-gold ${error ? 'border-bad' : 'border-line'}`}
        {...rest}
      />
      {hint && !error && <p className="mt-1 text-xs text-ink-soft">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-bad">
          {error}
        </p>
      )}
    </div>
  )
}
