'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import { formatInZone } from '@/lib/i18n/format'
import type { RequestSummaryDTO } from '@/lib/requests/queries'
import { clockStateOf } from '@/lib/sla/clock'
import { SlaBadge, useServerNow } from '@/components/live/sla-clock'
import { TakeButton } from './take-button'

// Keyboard: j/k or arrows move, Enter opens. Rows are ordered by deadline by the server.
const rowTone = { AT_RISK: 'bg-warn/10', BREACHED: 'bg-bad/10' } as const

export function QueueTable({
  requests,
  serverNow,
  viewerTimeZone,
  hrefBase,
  showAssignee = false,
  canTake = false,
}: {
  requests: RequestSummaryDTO[]
  serverNow: string
  viewerTimeZone: string
  hrefBase: string
  showAssignee?: boolean
  canTake?: boolean
}) {
  const t = useTranslations()
  const now = useServerNow(serverNow)
  const router = useRouter()
  const [active, setActive] = useState(0)
  const rows = useRef<(HTMLTableRowElement | null)[]>([])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || e.metaKey || e.ctrlKey || e.altKey) return
      if (e.key === 'j' || e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, requests.length - 1))
      else if (e.key === 'k' || e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
      else if (e.key === 'Enter' && requests[active]) router.push(`${hrefBase}/${requests[active].id}`)
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [requests, active, router, hrefBase])

  // Braces matter: newer browsers return a promise from scrollIntoView, and an effect must
  // return nothing or a cleanup function.
  useEffect(() => {
    rows.current[active]?.scrollIntoView({ block: 'nearest' })
  }, [active])

  if (requests.length === 0) {
    return (
      <p className="rounded-2xl border border-dashed border-line p-8 text-center text-sm text-ink-soft">
        {t('console.noRequests')}
      </p>
    )
  }
  return (
    <table className="w-full border-separate border-spacing-0 text-sm">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-ink-soft">
          <th className="border-b border-line px-3 py-2 font-medium">{t('console.clock')}</th>
          <th className="border-b border-line px-3 py-2 font-medium">{t('console.request')}</th>
          <th className="border-b border-line px-3 py-2 font-medium">{t('console.client')}</th>
          <th className="border-b border-line px-3 py-2 font-medium">{t('console.clientTime')}</th>
          {showAssignee && <th className="border-b border-line px-3 py-2 font-medium">{t('console.assignee')}</th>}
          <th className="border-b border-line px-3 py-2 font-medium">{t('console.status')}</th>
          <th className="border-b border-line px-3 py-2 font-medium">{t('console.createdAt')}</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r, i) => {
          const state = clockStateOf(r.timer, now)
          const alarm = state === 'AT_RISK' || state === 'BREACHED' ? rowTone[state] : null
          return (
            <tr
              key={r.id}
              ref={(el) => {
                rows.current[i] = el
              }}
              onClick={() => router.push(`${hrefBase}/${r.id}`)}
              aria-selected={i === active}
              data-testid="queue-row"
              data-state={state ?? undefined}
              className={`cursor-pointer ${alarm ?? (i === active ? 'bg-gold-soft' : 'bg-white hover:bg-ivory')} ${i === active ? 'outline outline-2 -outline-offset-2 outline-gold' : ''}`}
            >
              <td className="border-b border-line px-3 py-2.5">
                {r.timer ? <SlaBadge timer={r.timer} now={now} /> : '—'}
              </td>
              <td className="border-b border-line px-3 py-2.5">
                <a
                  href={`${hrefBase}/${r.id}`}
                  className="font-medium hover:underline"
                  onClick={(e) => e.stopPropagation()}
                >
                  {r.title}
                </a>
                <span className="ml-2 text-xs text-ink-soft">
                  {t(`categories.${r.category}`)} · #{r.number}
                </span>
                {r.offerStage && (
                  <span className="ml-2 rounded-full bg-gold-soft px-2 py-0.5 text-xs text-gold">
                    {r.offerStage === 'ALL' ? t('console.offerAll') : t('console.offerBackup')}
                  </span>
                )}
                {canTake && r.offerStage && (
                  <span className="ml-2">
                    <TakeButton requestId={r.id} version={r.version} goTo={`${hrefBase}/${r.id}`} />
                  </span>
                )}
              </td>
              <td className="border-b border-line px-3 py-2.5">{r.clientName}</td>
              <td className="border-b border-line px-3 py-2.5 tabular-nums text-ink-soft">
                {formatInZone(now, r.clientTimeZone, 'HH:mm')} <span className="text-xs">{r.clientTimeZone}</span>
              </td>
              {showAssignee && (
                <td className="border-b border-line px-3 py-2.5">{r.assigneeName ?? t('supervisor.unassigned')}</td>
              )}
              <td className="border-b border-line px-3 py-2.5">{t(`statuses.${r.status}`)}</td>
              <td className="border-b border-line px-3 py-2.5 tabular-nums text-ink-soft">
                {formatInZone(r.createdAt, viewerTimeZone, 'MM-dd HH:mm')}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
