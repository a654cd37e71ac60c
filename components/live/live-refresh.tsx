'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'

const STREAM_EVENTS = [
  'request.created',
  'request.updated',
  'request.offered',
  'message.created',
  'sla.changed',
  'resync',
]
export type StreamEvent = { requestId?: string; state?: string; stage?: string; fromClient?: boolean }

// Subscribes to the server's event stream and re-renders the page's server data when
// something this user may see changes. On reconnect it refreshes too: NOTIFY has no replay.
export function LiveRefresh({
  requestId,
  onEvent,
}: {
  requestId?: string
  onEvent?: (name: string, data: StreamEvent) => void
}) {
  const router = useRouter()
  const t = useTranslations('common')
  const [connected, setConnected] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const listener = useRef(onEvent)
  useEffect(() => {
    listener.current = onEvent
  }, [onEvent])

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
    const handle = (e: MessageEvent) => {
      let data: StreamEvent = {}
      try {
        data = JSON.parse(e.data)
      } catch {
        /* refresh anyway */
      }
      listener.current?.(e.type, data)
      if (!requestId || !data.requestId || data.requestId === requestId) refresh()
    }
    for (const name of STREAM_EVENTS) source.addEventListener(name, handle)
    return () => {
      source.close()
      if (timer.current) clearTimeout(timer.current)
    }
  }, [router, requestId])

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
