'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useStreamConnected, useStreamEvents } from './event-stream'

// The connection light. After a reconnect events may have been missed (NOTIFY has no replay):
// the page's server data is read again, once. Routine events are applied by the views.
export function LiveStatus() {
  const router = useRouter()
  const t = useTranslations('common')
  const connected = useStreamConnected()
  useStreamEvents((name) => {
    if (name === 'resync') router.refresh()
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
