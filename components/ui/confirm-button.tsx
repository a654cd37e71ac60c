'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'

// A destructive action that asks first: a quiet button, then "Delete? [Delete] [Keep]" in place.
// The confirming button submits its form (same name and value), so the form's own action runs.
export function ConfirmButton({
  label,
  question,
  name,
  value,
  disabled,
}: {
  label: string
  question: string
  name?: string
  value?: string
  disabled?: boolean
}) {
  const t = useTranslations('sheet')
  const [asking, setAsking] = useState(false)
  if (!asking)
    return (
      <button
        type="button"
        onClick={() => setAsking(true)}
        disabled={disabled}
        className="min-h-11 rounded-xl px-3 text-sm font-medium text-bad underline-offset-2 hover:underline disabled:opacity-50"
      >
        {label}
      </button>
    )
  return (
    <span className="inline-flex flex-wrap items-center gap-2" role="group" aria-label={question}>
      <span className="text-sm text-ink">{question}</span>
      <button
        type="submit"
        name={name}
        value={value}
        disabled={disabled}
        autoFocus
        className="min-h-11 rounded-xl border border-bad px-3 text-sm font-medium text-bad hover:bg-bad/10 disabled:opacity-50"
      >
        {label}
      </button>
      <button
        type="button"
        onClick={() => setAsking(false)}
        className="min-h-11 rounded-xl border border-line bg-white px-3 text-sm"
      >
        {t('keep')}
      </button>
    </span>
  )
}
