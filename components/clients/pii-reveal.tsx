'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { revealPiiAction } from '@/lib/clients/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionCall } from '@/components/forms/use-action-form'

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
  const { run, pending, error } = useActionCall()
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
            run(() => revealPiiAction({ clientId, field, familyMemberId }), {
              refresh: false,
              onSuccess: (data) => setValue(data.value ?? '—'),
            })
          }
          className="rounded px-1.5 text-xs text-gold underline-offset-2 hover:underline"
        >
          {t('reveal')}
        </button>
      )}
      <FormMessage message={error} inline />
    </span>
  )
}
