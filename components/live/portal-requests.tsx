'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useLocale, useTranslations } from 'next-intl'
import { useRef, useState } from 'react'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import type { LastMessageDTO } from '@/lib/portal/home'
import type { RequestSummaryDTO } from '@/lib/requests/queries'
import { OPEN_STATUSES } from '@/lib/requests/state-machine'
import { useStreamEvents } from './event-stream'
import { ReplyClock } from './reply-clock'
import { useLiveRequests } from './use-live-requests'

// The client's own requests, newest first: open ones with their last message (a reply not yet
// read is marked), finished ones below. Status, reply clock and the last message are kept live
// in the browser from the events; only the client side reading a thread elsewhere (another tab,
// a delegate) has the page read again, since who read what is the server's to say.
export function PortalRequests({
  initial,
  last: initialLast,
  timeZone,
  serverNow,
}: {
  initial: RequestSummaryDTO[]
  last: Record<string, LastMessageDTO>
  timeZone: string
  serverNow: string
}) {
  const t = useTranslations()
  const locale = useLocale() as FriendlyLocale
  const router = useRouter()
  const [last, setLast] = useState(initialLast)
  // A server render brings fresher previews than anything before it.
  const [from, setFrom] = useState(initialLast)
  if (from !== initialLast) {
    setFrom(initialLast)
    setLast(initialLast)
  }
  const soon = useRef<ReturnType<typeof setTimeout> | null>(null)
  const refreshSoon = () => {
    clearTimeout(soon.current ?? undefined)
    soon.current = setTimeout(() => router.refresh(), 300)
  }
  useStreamEvents((name, data) => {
    if (name === 'thread.read' && data.byClient) return refreshSoon()
    if (name !== 'message.created' || !data.requestId) return
    const m = data.message
    if (!m) return refreshSoon()
    const requestId = data.requestId
    setLast((prev) => {
      if (prev[requestId] && prev[requestId].createdAt > m.createdAt) return prev
      const preview = { body: m.body.slice(0, 200), authorName: m.authorName, fromStaff: m.fromStaff }
      return { ...prev, [requestId]: { ...preview, createdAt: m.createdAt, unread: m.fromStaff } }
    })
  })
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
  const open = requests.filter((r) => OPEN_STATUSES.includes(r.status))
  const finished = requests.filter((r) => !OPEN_STATUSES.includes(r.status))
  const row = (r: RequestSummaryDTO) => {
    const m = last[r.id]
    return (
      <li key={r.id}>
        <Link
          href={`/portal/requests/${r.id}`}
          className="block rounded-2xl border border-line bg-white p-4 shadow-sm transition hover:border-gold"
          data-testid="portal-request"
        >
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="text-xs text-ink-soft">{t(`categories.${r.category}`)}</p>
              <p className="mt-0.5 truncate font-medium">{r.title}</p>
            </div>
            <span className="shrink-0 whitespace-nowrap rounded-full bg-gold-soft px-2 py-0.5 text-xs text-ink">
              {t(`statuses.${r.status}`)}
            </span>
          </div>
          {m ? (
            <div className="mt-2 flex items-start gap-2 text-sm" data-testid="last-message">
              {m.unread && (
                <span className="mt-1.5 size-2 shrink-0 rounded-full bg-gold" aria-label={t('portal.home.unread')} />
              )}
              <p className={`min-w-0 flex-1 truncate ${m.unread ? 'font-medium text-ink' : 'text-ink-soft'}`}>
                {t('portal.home.said', { name: m.fromStaff ? m.authorName : t('portal.home.you') })}
                {m.body}
              </p>
              <time dateTime={m.createdAt} className="shrink-0 text-xs text-ink-soft">
                {formatWhen(m.createdAt, { timeZone, locale })}
              </time>
            </div>
          ) : (
            <p className="mt-2 text-xs text-ink-soft">
              {t('portal.filedAt', { time: formatWhen(r.createdAt, { timeZone, locale }) })}
            </p>
          )}
          {r.timer && !r.timer.metAt && (
            <div className="mt-2">
              <ReplyClock timer={r.timer} serverNow={serverNow} />
            </div>
          )}
        </Link>
      </li>
    )
  }
  return (
    <>
      {open.length > 0 ? (
        <ul className="mt-3 space-y-3" aria-label={t('portal.home.open')}>
          {open.map(row)}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-ink-soft">{t('portal.home.noneOpen')}</p>
      )}
      {finished.length > 0 && (
        <>
          <h2 className="mt-8 text-sm font-medium text-ink-soft">{t('portal.home.finished')}</h2>
          <ul className="mt-3 space-y-3" aria-label={t('portal.home.finished')}>
            {finished.map(row)}
          </ul>
        </>
      )}
    </>
  )
}
