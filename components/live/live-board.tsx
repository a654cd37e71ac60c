'use client'

import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import type { RequestSummaryDTO } from '@/lib/requests/queries'
import { byDeadline } from '@/lib/requests/queues'
import { OPEN_STATUSES } from '@/lib/requests/state-machine'
import { clockStateOf } from '@/lib/sla/clock'
import { QueueTable } from '@/components/console/queue-table'
import { useServerNow } from './sla-clock'
import { StaffLive } from './staff-live'
import { useLiveRequests } from './use-live-requests'
import type { Presence } from '@/lib/presence/service'
import { PresenceBadge } from '@/components/presence/presence-badge'

const TILE_STATES = ['ON_TRACK', 'AT_RISK', 'BREACHED', 'PAUSED'] as const
type TileState = (typeof TILE_STATES)[number]
const tone: Record<TileState, string> = {
  ON_TRACK: 'text-ok',
  AT_RISK: 'text-warn',
  BREACHED: 'text-bad',
  PAUSED: 'text-ink-soft',
}

type Butler = { id: string; name: string; presence: Presence }

// The supervisor's live board: tiles, open requests and per-butler counts, recomputed in the
// browser from rows that events re-read one by one (and from the ticking clock, so a deadline
// passing moves a tile even before the worker's event arrives).
export function LiveBoard({
  initial,
  butlers,
  serverNow,
  viewerTimeZone,
  aside,
}: {
  initial: RequestSummaryDTO[]
  butlers: Butler[]
  serverNow: string
  viewerTimeZone: string
  aside: ReactNode
}) {
  const t = useTranslations()
  const now = useServerNow(serverNow)
  const rows = useLiveRequests(initial, { keep: (r) => (OPEN_STATUSES as readonly string[]).includes(r.status) })
  const requests = [...rows].sort(byDeadline)

  // Open clocks by state, for the team and per butler. A met response clock with no open
  // resolution clock counts as on track.
  const stateOf = (r: RequestSummaryDTO): TileState => {
    const s = clockStateOf(r.timer, now)
    return s === 'AT_RISK' || s === 'BREACHED' || s === 'PAUSED' ? s : 'ON_TRACK'
  }
  const team: Record<TileState, number> = { ON_TRACK: 0, AT_RISK: 0, BREACHED: 0, PAUSED: 0 }
  const perButler = new Map<string, Record<TileState, number> & { open: number }>()
  for (const r of requests) {
    const s = stateOf(r)
    team[s]++
    const key = r.assigneeId ?? ''
    const row = perButler.get(key) ?? { open: 0, ON_TRACK: 0, AT_RISK: 0, BREACHED: 0, PAUSED: 0 }
    row.open++
    row[s]++
    perButler.set(key, row)
  }

  return (
    <>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t('supervisor.title')}</h1>
        <StaffLive titles={Object.fromEntries(requests.map((r) => [r.id, r.title]))} alertOn={['BREACHED']} />
      </div>
      <section className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4" aria-label={t('supervisor.title')}>
        {TILE_STATES.map((s) => (
          <div key={s} className="rounded-2xl border border-line bg-white p-4" data-testid={`tile-${s}`}>
            <p className="text-xs uppercase tracking-wide text-ink-soft">{t(`sla.${s}`)}</p>
            <p className={`mt-1 text-3xl font-semibold tabular-nums ${tone[s]}`} data-testid={`count-${s}`}>
              {team[s]}
            </p>
          </div>
        ))}
      </section>

      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <section>
          <h2 className="mb-3 text-lg font-medium">{t('supervisor.openRequests')}</h2>
          <QueueTable
            requests={requests}
            serverNow={serverNow}
            viewerTimeZone={viewerTimeZone}
            hrefBase="/console/requests"
            showAssignee
          />
        </section>
        <div className="space-y-6">
          {aside}
          <section>
            <h2 className="mb-3 text-lg font-medium">{t('supervisor.perButler')}</h2>
            <table
              className="w-full border-separate border-spacing-0 rounded-2xl bg-white text-sm"
              data-testid="per-butler"
            >
              <thead>
                <tr className="text-left text-xs uppercase tracking-wide text-ink-soft">
                  <th className="border-b border-line px-3 py-2 font-medium">{t('supervisor.butler')}</th>
                  <th className="border-b border-line px-3 py-2 font-medium">{t('presence.column')}</th>
                  <th className="border-b border-line px-3 py-2 text-right font-medium">{t('supervisor.open')}</th>
                  <th className="border-b border-line px-3 py-2 text-right font-medium">{t('sla.AT_RISK')}</th>
                  <th className="border-b border-line px-3 py-2 text-right font-medium">{t('sla.BREACHED')}</th>
                </tr>
              </thead>
              <tbody>
                {[
                  ...butlers.map((b) => ({ id: b.id, name: b.name, presence: b.presence as Presence | null })),
                  { id: '', name: t('supervisor.unassigned'), presence: null },
                ]
                  .filter((b) => b.id !== '' || perButler.has(''))
                  .map((b) => {
                    const row = perButler.get(b.id)
                    return (
                      <tr key={b.id || 'none'}>
                        <td className="border-b border-line px-3 py-2">{b.name}</td>
                        <td className="border-b border-line px-3 py-2" data-testid="butler-presence">
                          {b.presence === null ? '—' : <PresenceBadge presence={b.presence} />}
                        </td>
                        <td className="border-b border-line px-3 py-2 text-right tabular-nums">{row?.open ?? 0}</td>
                        <td className="border-b border-line px-3 py-2 text-right tabular-nums text-warn">
                          {row?.AT_RISK ?? 0}
                        </td>
                        <td className="border-b border-line px-3 py-2 text-right tabular-nums text-bad">
                          {row?.BREACHED ?? 0}
                        </td>
                      </tr>
                    )
                  })}
              </tbody>
            </table>
          </section>
        </div>
      </div>
    </>
  )
}
