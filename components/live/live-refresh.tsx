'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'

const EVENTS = ['request.created', 'request.updated', 'message.created', 'sla.changed', 'resync']

// Subscribes to the server's event stream and re-renders the page's server data when
// something this user may see changes. On reconnect it refreshes too: NOTIFY has no replay.
export function LiveRefresh({ requestId }: { requestId?: string }) {
  const router = useRouter()
  const t = useTranslations('common')
  const [connected, setConnected] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    const source = new EventSource('/api/events')
    const refresh = () => {
      if (timer.current) return
      timer.current = setTimeout(() => {
        timer.current = null
        router.refresh()
      }, 50)
    }
    let opened = false
    source.addEventListener('ready', () => {
      setConnected(true)
      if (opened) refresh()
      opened = true
    })
    source.onerror = () => setConnected(false)
    const onEvent = (e: MessageEvent) => {
      if (!requestId) return refresh()
      try {
        const data = JSON.parse(e.data) as { requestId?: string }
        if (!data.requestId || data.requestId === requestId) refresh()
      } catch {
        refresh()
      }
    }
    for (const name of EVENTS) source.addEventListener(name, onEvent)
    return () => {
      source.close()
      if (timer.current) clearTimeout(timer.current)
    }
  }, [router, requestId])

  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-ink-soft" aria-live="polite" data-testid="live-status" data-connected={connected}>
      <span aria-hidden className={`size-2 rounded-full ${connected ? 'bg-ok' : 'bg-warn animate-pulse'}`} />
      {connected ? t('live') : t('reconnecting')}
    </span>
  )
}
