import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/auth/guards'
import { clockState } from '@/lib/sla/clock'
import { byDeadline, listRequests, type TimerDTO } from '@/lib/requests/queries'
import { AppHeader } from '@/components/ui/app-header'
import { LiveRefresh } from '@/components/live/live-refresh'
import { QueueTable } from '@/components/console/queue-table'

export const dynamic = 'force-dynamic'

function stateOf(t: TimerDTO | null, now: Date) {
  if (!t) return null
  const d = (v: string | null) => (v ? new Date(v) : null)
  return clockState({
    startedAt: new Date(t.startedAt), dueAt: new Date(t.dueAt), atRiskAt: d(t.atRiskAt), pausedAt: d(t.pausedAt),
    metAt: d(t.metAt), breachedAt: d(t.breachedAt), cancelledAt: d(t.cancelledAt),
  }, now)
}

export default async function SupervisorBoard() {
  const actor = await requirePageActor(['SUPERVISOR'])
  const t = await getTranslations()
  const now = new Date()
  const requests = (await listRequests(actor, { openOnly: true, take: 500 })).sort(byDeadline)
  const counts = { ON_TRACK: 0, AT_RISK: 0, BREACHED: 0, MET: 0 }
  for (const r of requests) {
    const s = stateOf(r.timer, now)
    if (s && s in counts) counts[s as keyof typeof counts]++
  }
  const tiles = [
    { key: 'ON_TRACK', label: t('supervisor.onTrack'), tone: 'text-ok' },
    { key: 'AT_RISK', label: t('supervisor.atRisk'), tone: 'text-warn' },
    { key: 'BREACHED', label: t('supervisor.breached'), tone: 'text-bad' },
    { key: 'MET', label: t('supervisor.met'), tone: 'text-ink' },
  ] as const
  return (
    <>
      <AppHeader actor={actor} home="/supervisor" section={t('supervisor.title')} wide />
      <main className="mx-auto max-w-screen-2xl px-6 py-6">
        <div className="mb-4 flex items-center justify-between">
          <h1 className="text-xl font-semibold">{t('supervisor.title')}</h1>
          <LiveRefresh />
        </div>
        <section className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4" aria-label={t('supervisor.title')}>
          {tiles.map((tile) => (
            <div key={tile.key} className="rounded-2xl border border-line bg-white p-4" data-testid={`tile-${tile.key}`}>
              <p className="text-xs uppercase tracking-wide text-ink-soft">{tile.label}</p>
              <p className={`mt-1 text-3xl font-semibold tabular-nums ${tile.tone}`}>{counts[tile.key]}</p>
            </div>
          ))}
        </section>
        <h2 className="mb-3 text-lg font-medium">{t('supervisor.openRequests')}</h2>
        <QueueTable requests={requests} serverNow={now.toISOString()} viewerTimeZone={actor.timeZone} hrefBase="/console/requests" showAssignee />
      </main>
    </>
  )
}
