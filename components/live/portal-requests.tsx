'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { formatInZone } from '@/lib/i18n/format'
import type { RequestSummaryDTO } from '@/lib/requests/queries'
import { ReplyClock } from './reply-clock'
import { useLiveRequests } from './use-live-requests'

// The client's own requests, newest first, with status and reply clock kept live in the browser.
export function PortalRequests({
  initial,
  timeZone,
  serverNow,
}: {
  initial: RequestSummaryDTO[]
  timeZone: string
  serverNow: string
}) {
  const t = useTranslations()
  const requests = [...useLiveRequests(initial, { keep: () => true })].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  )
  if (requests.length === 0) {
    return (
      <p className="mt-3 rounded-2xl border border-dashed border-line p-6 text-sm text-ink-soft">
        {t('portal.noRequests')}
      </p>
    )
  }
  return (
    <ul className="mt-3 space-y-3">
      {requests.map((r) => (
        <li key={r.id}>
          <Link
            href={`/portal/requests/${r.id}`}
            className="block rounded-2xl border border-line bg-white p-4 shadow-sm transition hover:border-gold"
          >
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="text-xs text-ink-soft">
                  {t(`categories.${r.category}`)} · #{r.number}
                </p>
                <p className="mt-0.5 truncate font-medium">{r.title}</p>
              </div>
              <span className="shrink-0 rounded-full bg-gold-soft px-2 py-0.5 text-xs text-ink">
                {t(`statuses.${r.status}`)}
              </span>
            </div>
            <div className="mt-2 flex items-center justify-between text-xs text-ink-soft">
              <span>{t('portal.filedAt', { time: formatInZone(r.createdAt, timeZone) })}</span>
              {r.timer && !r.timer.metAt && <ReplyClock timer={r.timer} serverNow={serverNow} />}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  )
}
