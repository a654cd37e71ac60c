'use client'

import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { revealPiiAction } from '@/lib/clients/actions'

export function PiiReveal({
  clientId,
  field,
  familyMemberId,
  masked,
}: {
  clientId: string
  field: 'phone' | 'idDocument' | 'familyPhone'
  familyMemberId?: string
  masked: string | null
}) {
  const t = useTranslations('client360')
  const [value, setValue] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()
  if (!masked) return <span className="text-ink-soft">—</span>
  return (
    <span className="inline-flex items-center gap-2">
      <span className="tabular-nums" data-testid={`pii-${field}`}>
        {value ?? masked}
      </span>
      {value === null && (
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await revealPiiAction({ clientId, field, familyMemberId })
              if (r.ok) setValue(r.data.value ?? '—')
              else setError(r.message)
            })
          }
          className="rounded px-1.5 text-xs text-gold underline-offset-2 hover:underline"
        >
          {t('reveal')}
        </button>
      )}
      {error && (
        <span role="alert" className="text-xs text-bad">
          {error}
        </span>
      )}
    </span>
  )
}
