'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { takeRequestAction } from '@/lib/requests/actions'

export function TakeButton({ requestId, version, goTo }: { requestId: string; version: number; goTo?: string }) {
  const t = useTranslations('console')
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        data-take
        disabled={pending}
        onClick={(e) => {
          e.stopPropagation()
          start(async () => {
            const result = await takeRequestAction({ requestId, version })
            if (!result.ok) {
              setError(result.message)
              router.refresh()
              return
            }
            if (goTo) router.push(goTo)
            else router.refresh()
          })
        }}
        className="rounded-lg bg-gold px-3 py-1 text-xs font-semibold text-white hover:bg-gold/90 disabled:opacity-50"
      >
        {t('take')}
      </button>
      {error && (
        <span role="alert" className="text-xs text-bad">
          {error}
        </span>
      )}
    </span>
  )
}
