'use client'

import type { InputHTMLAttributes, KeyboardEvent, SelectHTMLAttributes } from 'react'

// Controls that stand in a row with their button (the console's queue filters, the status
// change): the label beside the control or, where the row speaks for itself, read only by screen
// readers. The stacked ones are in compact-fields.tsx (console) and fields.tsx (portal).
type InlineLabelled = { id: string; label: string; hideLabel?: boolean }

const control = 'min-h-9 rounded-lg border border-line bg-white px-2 text-sm'

function InlineLabel({ id, label, hideLabel = false }: InlineLabelled) {
  return (
    <label htmlFor={id} className={hideLabel ? 'sr-only' : 'text-sm text-ink-soft'}>
      {label}
    </label>
  )
}

// A select does not send its form on Enter by itself; in a one-select form it should.
function submitOnEnter(e: KeyboardEvent<HTMLSelectElement>) {
  if (e.key === 'Enter') {
    e.preventDefault()
    e.currentTarget.form?.requestSubmit()
  }
}

export function InlineSelect({
  id,
  label,
  hideLabel,
  submitsOnEnter = false,
  ...rest
}: InlineLabelled & { submitsOnEnter?: boolean } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <>
      <InlineLabel id={id} label={label} hideLabel={hideLabel} />
      <select id={id} className={control} onKeyDown={submitsOnEnter ? submitOnEnter : undefined} {...rest} />
    </>
  )
}

export function InlineInput({
  id,
  label,
  hideLabel,
  className = '',
  ...rest
}: InlineLabelled & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <>
      <InlineLabel id={id} label={label} hideLabel={hideLabel} />
      <input id={id} className={`${control} ${className}`} {...rest} />
    </>
  )
}
