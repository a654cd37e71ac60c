import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/auth/guards'
import { byDeadline, listRequests } from '@/lib/requests/queries'
import { inQueue, QUEUE_VIEWS, type QueueView } from '@/lib/requests/queues'
import { AppHeader } from '@/components/ui/app-header'
import { StaffLive } from '@/components/live/staff-live'
import { QueueTable } from '@/components/console/queue-table'

export const dynamic = 'force-dynamic'

export default async function ConsoleHome({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const actor = await requirePageActor(['BUTLER', 'SUPERVISOR'])
  const t = await getTranslations('console')
  const { view: requested } = await searchParams
  const views = QUEUE_VIEWS.filter((v) => v !== 'all' || actor.role === 'SUPERVISOR')
  const fallback: QueueView = actor.role === 'SUPERVISOR' ? 'all' : 'mine'
  const view = (views as readonly string[]).includes(requested ?? '') ? (requested as QueueView) : fallback
  const now = new Date()
  const all = (await listRequests(actor, { openOnly: true, take: 500 })).sort(byDeadline)
  const counts = Object.fromEntries(views.map((v) => [v, all.filter((r) => inQueue(v, r, actor, now)).length]))
  const shown = all.filter((r) => inQueue(view, r, actor, now))
  const titles = Object.fromEntries(all.map((r) => [r.id, r.title]))
  return (
    <>
      <AppHeader actor={actor} home="/console" section={t('title')} wide />
      <main className="mx-auto max-w-screen-2xl px-6 py-6">
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
          <StaffLive titles={titles} alertOn={['AT_RISK', 'BREACHED', 'OFFERED']} />
        </div>
        <QueueTable
          requests={shown}
          serverNow={now.toISOString()}
          viewerTimeZone={actor.timeZone}
          hrefBase="/console/requests"
          showAssignee={view !== 'mine'}
          canTake={actor.role === 'BUTLER' && actor.onDuty}
        />
        <p className="mt-4 text-xs text-ink-soft">{t('shortcuts')}</p>
      </main>
    </>
  )
}
