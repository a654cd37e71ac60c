import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { clockStateOf, type ClockState } from '@/lib/sla/clock'
import { byDeadline, listRequests } from '@/lib/requests/queries'
import { listStaff } from '@/lib/staff/queries'
import { pendingApprovals } from '@/lib/vendors/queries'
import { ApprovalButtons } from '@/components/vendors/approval-buttons'
import Link from 'next/link'
import { StaffLive } from '@/components/live/staff-live'
import { QueueTable } from '@/components/console/queue-table'
import { presenceOf } from '@/lib/presence/service'
import { PresenceBadge } from '@/components/presence/presence-badge'

export const dynamic = 'force-dynamic'

const TILE_STATES = ['ON_TRACK', 'AT_RISK', 'BREACHED', 'PAUSED'] as const
type TileState = (typeof TILE_STATES)[number]
const tone: Record<TileState, string> = {
  ON_TRACK: 'text-ok',
  AT_RISK: 'text-warn',
  BREACHED: 'text-bad',
  PAUSED: 'text-ink-soft',
}

export default async function SupervisorBoard() {
  const actor = await requirePageActor('team.lead')
  const t = await getTranslations()
  const now = new Date()
  const [requests, staff, approvals] = await Promise.all([
    listRequests(actor, { openOnly: true, take: 1000 }),
    listStaff(actor),
    pendingApprovals(actor),
  ])
  requests.sort(byDeadline)

  // Open clocks by state, for the team and per butler. A met response clock with no open
  // resolution clock counts as on track.
  const stateOf = (r: (typeof requests)[number]): TileState => {
    const s: ClockState | null = clockStateOf(r.timer, now)
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
  const butlers = staff.filter((s) => s.role === 'BUTLER')
  const presence = await presenceOf(
    actor,
    butlers.map((b) => b.id),
  )
  const titles = Object.fromEntries(requests.map((r) => [r.id, r.title]))

  return (
    <>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t('supervisor.title')}</h1>
        <StaffLive titles={titles} alertOn={['BREACHED']} />
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
            serverNow={now.toISOString()}
            viewerTimeZone={actor.timeZone}
            hrefBase="/console/requests"
            showAssignee
          />
        </section>
        <div className="space-y-6">
          <section data-testid="pending-approvals">
            <h2 className="mb-3 text-lg font-medium">
              {t('vendors.pendingApprovals')} <span className="text-ink-soft">({approvals.length})</span>
            </h2>
            {approvals.length === 0 ? (
              <p className="text-sm text-ink-soft">{t('common.empty')}</p>
            ) : (
              <ul className="space-y-2">
                {approvals.map((a) => (
                  <li key={a.id} className="rounded-2xl border border-gold bg-white p-3 text-sm" data-testid="approval">
                    <p className="font-medium tabular-nums">
                      {a.currency} {a.cost} · {a.vendorName}
                    </p>
                    <p>{a.description}</p>
                    <p className="text-xs text-ink-soft">
                      <Link href={`/console/requests/${a.requestId}`} className="hover:underline">
                        #{a.requestNumber} {a.requestTitle}
                      </Link>{' '}
                      · {a.clientName} · {a.butlerName ?? '—'} ({t('vendors.limit')} CNY {a.butlerLimit ?? '0'})
                    </p>
                    <div className="mt-2">
                      <ApprovalButtons taskId={a.id} version={a.version} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
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
                  ...butlers.map((b) => ({ id: b.id, name: b.name, presence: presence.get(b.id) ?? null })),
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
