'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useStreamConnected, useStreamEvents } from './event-stream'

// The connection light, and the only page-wide re-render left in the live loop, for rare
// structural changes: the user's own rights changed ('scope': a delegation revoked, clients
// reassigned, signed out elsewhere) or events may have been missed (a reconnect: NOTIFY has no
// replay). Routine events are applied by the views themselves.
export function LiveStatus() {
  const router = useRouter()
  const t = useTranslations('common')
  const connected = useStreamConnected()
  useStreamEvents((name) => {
    if (name === 'scope' || name === 'resync') router.refresh()
  })

  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-ink-soft"
      aria-live="polite"
      data-testid="live-status"
      data-connected={connected}
    >
      <span aria-hidden className={`size-2 rounded-full ${connected ? 'bg-ok' : 'bg-warn animate-pulse'}`} />
      {connected ? t('live') : t('reconnecting')}
    </span>
  )
}
