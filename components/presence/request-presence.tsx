'use client'

import { useTranslations } from 'next-intl'
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import type { Watcher } from '@/lib/presence/request-views'

type RequestPresenceState = { watchers: Watcher[]; typing: () => void }

const RequestPresenceContext = createContext<RequestPresenceState>({ watchers: [], typing: () => {} })

export const useRequestPresence = () => useContext(RequestPresenceContext)

// While a request page is open in the console it beats every few seconds ("viewing"); typing
// in the composer beats at once, at most every 2 s ("replying"). Each beat answers who else
// has the request open, so two butlers see each other before they both answer. A hidden tab
// stops beating and drops off within seconds; a closing page says goodbye.
export function RequestPresence({
  requestId,
  seconds,
  children,
}: {
  requestId: string
  seconds: number
  children: ReactNode
}) {
  const [watchers, setWatchers] = useState<Watcher[]>([])
  const url = `/console/requests/${encodeURIComponent(requestId)}/presence`
  const lastTyping = useRef(0)

  const beat = useCallback(
    async (kind: 'viewing' | 'replying') => {
      try {
        const res = await fetch(`${url}?beat=${kind}`, { method: 'POST', cache: 'no-store' })
        if (res.ok) setWatchers(((await res.json()) as { watchers: Watcher[] }).watchers)
      } catch {
        // Offline for a moment: the next beat tries again.
      }
    },
    [url],
  )

  useEffect(() => {
    const visibleBeat = () => {
      if (document.visibilityState === 'visible') void beat('viewing')
    }
    const bye = () => navigator.sendBeacon(`${url}?beat=leaving`)
    visibleBeat()
    const timer = setInterval(visibleBeat, seconds * 1000)
    document.addEventListener('visibilitychange', visibleBeat)
    addEventListener('pagehide', bye)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', visibleBeat)
      removeEventListener('pagehide', bye)
      bye()
    }
  }, [beat, url, seconds])

  const typing = useCallback(() => {
    const now = Date.now()
    if (now - lastTyping.current < 2000) return
    lastTyping.current = now
    void beat('replying')
  }, [beat])

  return <RequestPresenceContext.Provider value={{ watchers, typing }}>{children}</RequestPresenceContext.Provider>
}

// "林静 正在回复…" / "林静 is viewing": who else has this request open, said politely.
export function WatchersNotice() {
  const t = useTranslations('console')
  const { watchers } = useRequestPresence()
  return (
    <p aria-live="polite" data-testid="watchers" className="min-h-6 text-sm">
      {watchers.map((w) => (
        <span
          key={w.userId}
          data-replying={w.replying || undefined}
          className={`mr-2 inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 ${w.replying ? 'bg-warn/15 font-medium text-ink' : 'bg-ivory text-ink-soft'}`}
        >
          <span aria-hidden className={`size-2 rounded-full ${w.replying ? 'animate-pulse bg-warn' : 'bg-ok'}`} />
          {w.replying ? t('watcherReplying', { name: w.name }) : t('watcherViewing', { name: w.name })}
        </span>
      ))}
    </p>
  )
}
