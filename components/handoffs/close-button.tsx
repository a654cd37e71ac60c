'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { closeHandoffAction } from '@/lib/handoffs/actions'

export function CloseHandoffButton({ handoffId }: { handoffId: string }) {
  const t = useTranslations('handoffs')
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className="rounded-lg border border-line px-2 py-0.5 text-xs hover:bg-gold-soft"
        onClick={() =>
          start(async () => {
            const r = await closeHandoffAction({ handoffId })
            if (!r.ok) setError(r.message)
            router.refresh()
          })
        }
      >
        {t('close')}
      </button>
      {error && (
        <span role="alert" className="text-xs text-bad">
          {error}
        </span>
      )}
    </span>
  )
}
