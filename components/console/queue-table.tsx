'use client'

import { useRouter } from 'next/navigation'
import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { formatTime, formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import { cityNameOf } from '@/lib/i18n/zones'
import type { RequestSummaryDTO } from '@/lib/requests/queries'
import type { QueueRowDTO } from '@/lib/console/queue'
import { clockStateOf } from '@/lib/sla/clock'
import { SlaBadge, useServerNow } from '@/components/live/sla-clock'
import { TakeButton } from './take-button'
import { isTyping } from './shortcuts'

const rowTone = { AT_RISK: 'bg-warn/10', BREACHED: 'bg-bad/10' } as const

type Row = RequestSummaryDTO & Partial<Pick<QueueRowDTO, 'last' | 'unread'>>

// The queue as a grid: one row is the highlighted one and the only one in the Tab order (a
// roving tabindex), so a screen reader hears the selection. j/k move it from anywhere (not
// while typing), ↑/↓/Home/End while the queue has focus, and Enter opens it only when the
// row itself has focus: Enter on a link or a button does what that control does.
export function QueueTable({
  requests,
  serverNow,
  viewerTimeZone,
  hrefBase,
  showAssignee = false,
  canTake = false,
  userId,
  label,
}: {
  requests: Row[]
  serverNow: string
  viewerTimeZone: string
  hrefBase: string
  showAssignee?: boolean
  canTake?: boolean
  // The viewer: "Take" is never offered on a request they already hold.
  userId?: string
  label?: string
}) {
  const t = useTranslations()
  const locale = useLocale() as FriendlyLocale
  const now = useServerNow(serverNow)
  const router = useRouter()
  const [chosen, setActive] = useState(0)
  const active = Math.max(0, Math.min(chosen, requests.length - 1))
  const rows = useRef<(HTMLTableRowElement | null)[]>([])

  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(i, requests.length - 1))
    setActive(next)
    rows.current[next]?.focus()
  }
  const latestMove = useRef(moveTo)
  useEffect(() => {
    latestMove.current = moveTo
  })

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey || document.querySelector('dialog[open]')) return
      if (e.key !== 'j' && e.key !== 'k') return
      e.preventDefault()
      const at = rows.current.findIndex((r) => r?.getAttribute('aria-selected') === 'true')
      latestMove.current(at + (e.key === 'j' ? 1 : -1))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const onRowKey = (e: ReactKeyboardEvent<HTMLTableRowElement>, i: number, href: string) => {
    if (e.target !== e.currentTarget) return
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: requests.length - 1 }[e.key]
    if (to !== undefined) moveTo(to)
    else if (e.key === 'Enter') router.push(href)
    else return
    e.preventDefault()
  }

  if (requests.length === 0) {
    return (
      <p
        id="queue"
        tabIndex={-1}
        className="rounded-2xl border border-dashed border-line p-8 text-center text-sm text-ink-soft"
      >
        {t('console.noRequests')}
      </p>
    )
  }
  const th = 'border-b border-line px-3 py-2 font-medium'
  const td = 'border-b border-line px-3 py-2.5 align-top'
  return (
    <table
      id="queue"
      role="grid"
      aria-label={label ?? t('console.queue')}
      tabIndex={-1}
      // The skip link lands on the table: pass focus on to the highlighted row.
      onFocus={(e) => e.target === e.currentTarget && rows.current[active]?.focus()}
      className="w-full border-separate border-spacing-0 text-sm outline-none"
    >
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-ink-soft">
          <th className={th}>{t('console.clock')}</th>
          <th className={th}>{t('console.request')}</th>
          <th className={th}>{t('console.client')}</th>
          <th className={th}>{t('console.clientTime')}</th>
          {showAssignee && <th className={th}>{t('console.assignee')}</th>}
          <th className={th}>{t('console.status')}</th>
          <th className={th}>{t('console.createdAt')}</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r, i) => {
          const state = clockStateOf(r.timer, now)
          const alarm = state === 'AT_RISK' || state === 'BREACHED' ? rowTone[state] : null
          const href = `${hrefBase}/${r.id}`
          const held = userId !== undefined && r.assigneeId === userId
          return (
            <tr
              key={r.id}
              ref={(el) => {
                rows.current[i] = el
              }}
              tabIndex={i === active ? 0 : -1}
              onClick={() => router.push(href)}
              onFocus={() => setActive(i)}
              onKeyDown={(e) => onRowKey(e, i, href)}
              aria-selected={i === active}
              data-testid="queue-row"
              data-state={state ?? undefined}
              data-unread={r.unread || undefined}
              className={`cursor-pointer outline-none focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ink ${alarm ?? (i === active ? 'bg-gold-soft' : 'bg-white hover:bg-ivory')} ${i === active ? 'shadow-[inset_3px_0_0_var(--color-gold)]' : ''}`}
            >
              <td className={td}>{r.timer ? <SlaBadge timer={r.timer} now={now} /> : '—'}</td>
              <td className={`${td} max-w-[28rem]`}>
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  {r.unread && (
                    <span className="inline-flex items-center gap-1 text-xs font-semibold text-ink">
                      <span aria-hidden className="size-2 rounded-full bg-bad" />
                      {t('console.unread')}
                    </span>
                  )}
                  <a
                    href={href}
                    tabIndex={-1}
                    className={`hover:underline ${r.unread ? 'font-semibold' : 'font-medium'}`}
                    onClick={(e) => e.stopPropagation()}
                  >
                    {r.title}
                  </a>
                  <span className="text-xs text-ink-soft">
                    {t(`categories.${r.category}`)} · #{r.number}
                  </span>
                  {r.offerStage && (
                    <span className="whitespace-nowrap rounded-full bg-gold-soft px-2 py-0.5 text-xs text-ink">
                      {r.offerStage === 'ALL' ? t('console.offerAll') : t('console.offerBackup')}
                    </span>
                  )}
                  {canTake && r.offerStage && !held && <TakeButton requestId={r.id} version={r.version} goTo={href} />}
                </div>
                {r.last && (
                  <p className="mt-1 truncate text-xs text-ink-soft" data-testid="queue-preview">
                    <span className={r.last.internal ? 'text-warn' : ''}>
                      {r.last.internal
                        ? t('console.previewNote')
                        : r.last.fromClient
                          ? t('console.previewClient')
                          : t('console.previewTeam')}
                    </span>{' '}
                    {r.last.body}
                  </p>
                )}
              </td>
              <td className={td}>{r.clientName}</td>
              <td className={`${td} whitespace-nowrap tabular-nums text-ink-soft`}>
                {formatTime(now, { timeZone: r.clientTimeZone, locale })}{' '}
                <span className="text-xs">{cityNameOf(r.clientTimeZone, locale)}</span>
              </td>
              {showAssignee && <td className={td}>{r.assigneeName ?? t('supervisor.unassigned')}</td>}
              <td className={`${td} whitespace-nowrap`}>{t(`statuses.${r.status}`)}</td>
              <td className={`${td} whitespace-nowrap tabular-nums text-ink-soft`}>
                {formatWhen(r.createdAt, { timeZone: viewerTimeZone, locale })}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
