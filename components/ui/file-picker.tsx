'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'name'> & {
  id: string
  name: string
  label: string
}

// The browser's file input, hidden but kept focusable, under a button-like label in the page's
// language; the chosen file's name is shown beside it ("Choose File" never appears in English
// on a Chinese page).
export function FilePicker({ id, name, label, onChange, ...rest }: Props) {
  const t = useTranslations('attachments')
  const [chosen, setChosen] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  // A form reset (after a successful send) empties the input: the name goes with it.
  useEffect(() => {
    const form = input.current?.form
    const clear = () => setChosen(null)
    form?.addEventListener('reset', clear)
    return () => form?.removeEventListener('reset', clear)
  }, [])
  return (
    <div className="flex min-w-0 flex-1 items-center gap-2">
      <input
        ref={input}
        id={id}
        name={name}
        type="file"
        className="peer sr-only"
        onChange={(e) => {
          setChosen(e.target.files?.[0]?.name ?? null)
          onChange?.(e)
        }}
        {...rest}
      />
      <label
        htmlFor={id}
        className="inline-flex min-h-11 shrink-0 cursor-pointer items-center gap-2 rounded-xl border border-line bg-white px-3 text-sm font-medium text-ink hover:border-gold peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-gold"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="m18.4 11.6-6.9 6.9a4.5 4.5 0 0 1-6.4-6.4l7.6-7.6a3 3 0 0 1 4.2 4.2l-7.6 7.6a1.5 1.5 0 0 1-2.1-2.1l6.9-6.9"
          />
        </svg>
        {label}
      </label>
      <span className="min-w-0 truncate text-sm text-ink-soft" data-testid="file-chosen" aria-live="polite">
        {chosen ?? t('noFileChosen')}
      </span>
    </div>
  )
}
