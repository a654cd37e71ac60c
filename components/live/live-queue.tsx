'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import type { RequestSummaryDTO } from '@/lib/requests/queries'
import { byDeadline, inQueue, type QueueView } from '@/lib/requests/queues'
import { OPEN_STATUSES, type RequestStatus } from '@/lib/requests/state-machine'
import type { TCategory } from '@/lib/requests/schemas'
import { QueueTable } from '@/components/console/queue-table'
import { useServerNow } from './sla-clock'
import { StaffLive } from './staff-live'
import type { AlertKind } from './alerts'
import { useLiveRequests } from './use-live-requests'

// The butler's console queue, kept in the browser: events re-read only the rows they name, the
// views, counts and deadline order are recomputed here, and nothing else on the page re-renders.
export function LiveQueue({
  initial,
  views,
  view,
  userId,
  filters,
  serverNow,
  viewerTimeZone,
  canTake,
  alertOn,
  shortcuts,
  filterBar,
}: {
  initial: RequestSummaryDTO[]
  views: QueueView[]
  view: QueueView
  userId: string
  filters: { category?: TCategory; status?: RequestStatus; q?: string }
  serverNow: string
  viewerTimeZone: string
  canTake: boolean
  alertOn: AlertKind[]
  shortcuts: ReactNode
  filterBar: ReactNode
}) {
  const t = useTranslations('console')
  const now = useServerNow(serverNow)
  const rows = useLiveRequests(initial, {
    keep: (r) =>
      (OPEN_STATUSES as readonly string[]).includes(r.status) &&
      (!filters.category || r.category === filters.category) &&
      (!filters.status || r.status === filters.status),
    // A text search also matches the conversation, which the browser cannot check: while one
    // is active, events update the rows found but add none.
    insertNew: !filters.q?.trim(),
  })
  const all = [...rows].sort(byDeadline)
  const me = { userId }
  const counts = Object.fromEntries(views.map((v) => [v, all.filter((r) => inQueue(v, r, me, now)).length]))
  const shown = all.filter((r) => inQueue(view, r, me, now))

  return (
    <>
      <div className="mb-4 flex items-center justify-between gap-4">
        <nav aria-label={t('queue')} className="flex flex-wrap gap-1">
          {views.map((v) => (
            <Link
              key={v}
              href={`/console?view=${v}`}
              aria-current={v === view ? 'page' : undefined}
              className={`rounded-full px-3 py-1.5 text-sm ${v === view ? 'bg-ink text-ivory' : 'text-ink-soft hover:bg-gold-soft'} ${v === 'offered' && counts[v] ? 'font-semibold text-gold' : ''}`}
            >
              {t(v)} <span className="tabular-nums">({counts[v]})</span>
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-3">
          {shortcuts}
          <StaffLive
            titles={Object.fromEntries(all.map((r) => [r.id, r.title]))}
            alertOn={alertOn}
            watch={all
              .filter((r) => r.assigneeId === userId && r.timer && !r.timer.metAt && !r.timer.pausedAt)
              .map((r) => ({ id: r.id, title: r.title, atRiskAt: r.timer!.atRiskAt, dueAt: r.timer!.dueAt }))}
          />
        </div>
      </div>
      {filterBar}
      <QueueTable
        requests={shown}
        serverNow={serverNow}
        viewerTimeZone={viewerTimeZone}
        hrefBase="/console/requests"
        showAssignee={view !== 'mine'}
        canTake={canTake}
      />
    </>
  )
}
