'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { decideAlternativeAction } from '@/lib/requests/actions'

export function AlternativeDecision({ alternativeId }: { alternativeId: string }) {
  const t = useTranslations('alternatives')
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()
  const decide = (accept: boolean) =>
    start(async () => {
      const r = await decideAlternativeAction({ alternativeId, accept })
      if (!r.ok) setError(r.message)
      router.refresh()
    })
  return (
    <div className="mt-3 space-y-2">
      <div className="grid grid-cols-2 gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() => decide(true)}
          className="min-h-11 rounded-xl bg-ink text-sm font-medium text-ivory disabled:opacity-50"
        >
          {t('accept')}
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() => decide(false)}
          className="min-h-11 rounded-xl border border-line bg-white text-sm disabled:opacity-50"
        >
          {t('decline')}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
    </div>
  )
}
