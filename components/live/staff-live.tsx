'use client'

import { useTranslations } from 'next-intl'
import { useCallback, useEffect, useRef } from 'react'
import { AlertBanner, useAlerts, type AlertKind } from './alerts'
import { useStreamEvents, type StreamEvent } from './event-stream'
import { LiveStatus } from './live-status'
import type { RequestLiveDTO } from '@/lib/requests/queries'

// "王先生 · 虹桥机场送机": from the screen if the request is on it, else read through its scoped
// summary route. Null if it cannot be read (gone from the viewer's scope, offline).
async function nameOf(id: string, titles: Record<string, string>): Promise<string | null> {
  if (titles[id]) return titles[id]
  try {
    const res = await fetch(`/api/requests/${encodeURIComponent(id)}/summary`, { cache: 'no-store' })
    if (!res.ok) return null
    const r = (await res.json()) as Pick<RequestLiveDTO, 'clientName' | 'title'>
    return `${r.clientName} · ${r.title}`
  } catch {
    return null
  }
}

type Watched = { id: string; title: string; atRiskAt: string | null; dueAt: string }

// The connection light plus SLA alerts for staff screens. Clock alerts come from the server's events
// and, as a second source, from the deadlines on screen, so a dropped connection at the wrong
// second cannot swallow an at-risk or breach warning. Each alert fires once per request.
export function StaffLive({
  titles,
  alertOn,
  watch = [],
}: {
  titles: Record<string, string>
  alertOn: AlertKind[]
  watch?: Watched[]
}) {
  const t = useTranslations('console')
  const { enabled, enable, raise, banner, dismiss } = useAlerts()
  const raised = useRef(new Set<string>())
  const known = useRef(titles)
  useEffect(() => {
    known.current = titles
  })
  const raiseOnce = useCallback(
    (kind: AlertKind, id: string | undefined, title?: string) => {
      if (!alertOn.includes(kind)) return
      if (id && (kind === 'AT_RISK' || kind === 'BREACHED')) {
        if (raised.current.has(`${kind}:${id}`)) return
        raised.current.add(`${kind}:${id}`)
      }
      if (title || !id) return raise(kind, title ?? null)
      // Not on screen: the alert still names the client and the request.
      void nameOf(id, known.current).then((name) => raise(kind, name))
    },
    [alertOn, raise],
  )

  const onEvent = useCallback(
    (name: string, data: StreamEvent) => {
      const title = data.requestId
        ? (titles[data.requestId] ?? (data.row ? `${data.row.clientName} · ${data.row.title}` : undefined))
        : undefined
      const kind: AlertKind | null =
        name === 'request.created'
          ? 'NEW_REQUEST'
          : name === 'message.created' && data.fromClient
            ? 'CLIENT_MESSAGE'
            : name === 'request.offered'
              ? 'OFFERED'
              : name === 'sla.changed' && (data.state === 'AT_RISK' || data.state === 'BREACHED')
                ? data.state
                : null
      if (kind) raiseOnce(kind, data.requestId, title)
    },
    [titles, raiseOnce],
  )
  useStreamEvents(onEvent)

  const watchKey = watch.map((w) => `${w.id}:${w.atRiskAt}:${w.dueAt}`).join('|')
  useEffect(() => {
    const timers = watch.flatMap((w) =>
      (
        [
          ['AT_RISK', w.atRiskAt],
          ['BREACHED', w.dueAt],
        ] as const
      ).flatMap(([kind, at]) => {
        if (!at) return []
        const ms = new Date(at).getTime() - Date.now()
        return ms > 0 && ms < 6 * 3600_000 ? [setTimeout(() => raiseOnce(kind, w.id, w.title), ms)] : []
      }),
    )
    return () => timers.forEach(clearTimeout)
    // watchKey stands for the list's content
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [watchKey, raiseOnce])

  return (
    <div className="flex items-center gap-3">
      {enabled ? (
        <span className="text-xs text-ink-soft">{t('alertsOn')}</span>
      ) : (
        <button
          type="button"
          onClick={enable}
          className="rounded-lg border border-gold px-2 py-1 text-xs text-ink hover:bg-gold-soft"
        >
          {t('enableAlerts')}
        </button>
      )}
      <LiveStatus />
      <AlertBanner banner={banner} onDismiss={dismiss} />
    </div>
  )
}
