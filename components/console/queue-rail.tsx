'use client'

import Link from 'next/link'
import { useLocale, useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import type { QueueView } from '@/lib/requests/queues'
import { SlaBadge, useServerNow } from '@/components/live/sla-clock'
import { useLiveQueue } from './use-live-queue'

// The queue beside an open request, narrow: the butler keeps the whole workload in sight and
// moves to the next request without going back. Loaded in the browser after the page (it is
// not on the request page's server bill) and kept live like the console's queue.
export function QueueRail({
  view,
  userId,
  currentId,
  serverNow,
  timeZone,
}: {
  view: QueueView
  userId: string
  currentId: string
  serverNow: string
  timeZone: string
}) {
  const t = useTranslations('console')
  const locale = useLocale() as FriendlyLocale
  const now = useServerNow(serverNow)
  const { rows, counts, more, loading, showMore, loadFirst } = useLiveQueue(null, { view, filters: {} }, userId)
  useEffect(() => {
    void loadFirst()
    // Once per request page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const at = rows.findIndex((r) => r.id === currentId)
  const next = rows[at + 1] ?? (at < 0 ? rows[0] : undefined)
  const prev = at > 0 ? rows[at - 1] : undefined

  return (
    <nav aria-label={t('queueOf', { view: t(view) })} className="text-sm">
      <div className="mb-2 flex items-baseline justify-between">
        <Link href={`/console?view=${view}`} className="font-medium underline underline-offset-2">
          {t(view)}
        </Link>
        <span className="tabular-nums text-ink-soft">{counts[view]}</span>
      </div>
      <ul id="queue" tabIndex={-1} className="space-y-1 outline-none" data-testid="queue-rail">
        {rows.map((r) => {
          const current = r.id === currentId
          return (
            <li key={r.id}>
              <Link
                href={`/console/requests/${r.id}`}
                aria-current={current ? 'page' : undefined}
                data-next-request={r === next || undefined}
                data-prev-request={r === prev || undefined}
                data-testid="rail-row"
                className={`block rounded-xl border px-3 py-2 ${current ? 'border-gold bg-gold-soft' : 'border-transparent hover:border-line hover:bg-white'}`}
              >
                <span className="flex items-center justify-between gap-2">
                  <span className={`truncate ${r.unread ? 'font-semibold' : 'font-medium'}`}>
                    {r.unread && <span aria-hidden className="mr-1.5 inline-block size-2 rounded-full bg-bad" />}
                    {r.unread && <span className="sr-only">{t('unread')} </span>}
                    {r.clientName}
                  </span>
                  <span className="shrink-0 text-xs text-ink-soft">
                    {formatWhen(r.last?.at ?? r.createdAt, { timeZone, locale })}
                  </span>
                </span>
                <span className="mt-0.5 block truncate text-ink">{r.title}</span>
                {r.last && <span className="block truncate text-xs text-ink-soft">{r.last.body}</span>}
                {r.timer && !r.timer.metAt && (
                  <span className="mt-1 block">
                    <SlaBadge timer={r.timer} now={now} />
                  </span>
                )}
              </Link>
            </li>
          )
        })}
      </ul>
      {rows.length === 0 && !loading && <p className="text-ink-soft">{t('noRequests')}</p>}
      {more && (
        <button
          type="button"
          onClick={showMore}
          disabled={loading}
          className="mt-2 w-full rounded-lg border border-line bg-white px-3 py-1.5 text-ink hover:bg-gold-soft"
        >
          {loading ? t('loadingMore') : t('showMore')}
        </button>
      )}
    </nav>
  )
}
