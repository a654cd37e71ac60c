'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import type { QueuePage } from '@/lib/console/queue'
import type { QueueView } from '@/lib/requests/queues'
import type { RequestFilters } from '@/lib/requests/queries'
import { QueueTable } from '@/components/console/queue-table'
import { useLiveQueue } from '@/components/console/use-live-queue'
import { StaffLive } from './staff-live'
import type { AlertKind } from './alerts'

// The butler's console queue: the server sends the first page (most urgent first) and the view
// counts; more pages come on demand, and events re-read only the rows they name.
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
  initial: QueuePage
  views: QueueView[]
  view: QueueView
  userId: string
  filters: RequestFilters
  serverNow: string
  viewerTimeZone: string
  canTake: boolean
  alertOn: AlertKind[]
  shortcuts: ReactNode
  filterBar: ReactNode
}) {
  const t = useTranslations('console')
  const { rows, counts, more, loading, showMore } = useLiveQueue(initial, { view, filters }, userId)

  return (
    <>
      <div className="mb-4 flex items-center justify-between gap-4">
        <nav aria-label={t('views')} className="flex flex-wrap gap-1">
          {views.map((v) => (
            <Link
              key={v}
              href={`/console?view=${v}`}
              aria-current={v === view ? 'page' : undefined}
              className={`rounded-full px-3 py-1.5 text-sm ${v === view ? 'bg-ink text-ivory' : 'text-ink-soft hover:bg-gold-soft'} ${v === 'offered' && counts[v] && v !== view ? 'font-semibold text-ink' : ''}`}
            >
              {t(v)} <span className="tabular-nums">({counts[v]})</span>
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-3">
          {shortcuts}
          <StaffLive
            titles={Object.fromEntries(rows.map((r) => [r.id, `${r.clientName} · ${r.title}`]))}
            alertOn={alertOn}
            watch={rows
              .filter((r) => r.assigneeId === userId && r.timer && !r.timer.metAt && !r.timer.pausedAt)
              .map((r) => ({
                id: r.id,
                title: `${r.clientName} · ${r.title}`,
                atRiskAt: r.timer!.atRiskAt,
                dueAt: r.timer!.dueAt,
              }))}
          />
        </div>
      </div>
      {filterBar}
      <QueueTable
        requests={rows}
        serverNow={serverNow}
        viewerTimeZone={viewerTimeZone}
        hrefBase="/console/requests"
        showAssignee={view !== 'mine'}
        canTake={canTake}
        userId={userId}
        label={t(view)}
      />
      <div className="mt-3 flex items-center justify-between text-sm text-ink-soft">
        <p aria-live="polite" data-testid="queue-shown">
          {t('shownOf', { shown: rows.length, total: counts[view] })}
        </p>
        {more && (
          <button
            type="button"
            onClick={showMore}
            disabled={loading}
            data-testid="queue-more"
            className="rounded-lg border border-line bg-white px-3 py-1.5 text-ink hover:bg-gold-soft disabled:opacity-60"
          >
            {loading ? t('loadingMore') : t('showMore')}
          </button>
        )}
      </div>
    </>
  )
}
