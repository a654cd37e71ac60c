'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { decideApprovalAction } from '@/lib/vendors/actions'

export function ApprovalButtons({ taskId, version }: { taskId: string; version: number }) {
  const t = useTranslations('vendors')
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()
  const decide = (approve: boolean) =>
    start(async () => {
      const r = await decideApprovalAction({ taskId, version, approve })
      if (!r.ok) setError(r.message)
      router.refresh()
    })
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => decide(true)}
        className="rounded-lg bg-ok px-3 py-1 text-xs text-white"
      >
        {t('approve')}
      </button>
      <button
        type="button"
        disabled={pending}
        onClick={() => decide(false)}
        className="rounded-lg border border-line px-3 py-1 text-xs"
      >
        {t('reject')}
      </button>
      {error && (
        <span role="alert" className="text-xs text-bad">
          {error}
        </span>
      )}
    </span>
  )
}
