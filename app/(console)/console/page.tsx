import Link from 'next/link'
import { can } from '@/lib/auth/policy'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { byDeadline, listRequests } from '@/lib/requests/queries'
import { inQueue, QUEUE_VIEWS, type QueueView } from '@/lib/requests/queues'
import { StaffLive } from '@/components/live/staff-live'
import { QueueTable } from '@/components/console/queue-table'
import { QueueFilters } from '@/components/console/queue-filters'
import { Shortcuts } from '@/components/console/shortcuts'
import { HandoffList } from '@/components/handoffs/handoff-list'
import { openHandoffsFor } from '@/lib/handoffs/queries'
import { upcomingCare } from '@/lib/care/queries'
import { CareList } from '@/components/care/care-list'
import { CATEGORIES, type TCategory } from '@/lib/requests/schemas'
import { OPEN_STATUSES, type RequestStatus } from '@/lib/requests/state-machine'

export const dynamic = 'force-dynamic'

type Search = { view?: string; q?: string; category?: string; status?: string }

export default async function ConsoleHome({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('request.serve')
  const t = await getTranslations('console')
  const ts = await getTranslations('shortcuts')
  const th = await getTranslations('handoffs')
  const { view: requested, q, category: rawCategory, status: rawStatus } = await searchParams
  // Unknown filter values are ignored rather than trusted.
  const category = (CATEGORIES as readonly string[]).includes(rawCategory ?? '')
    ? (rawCategory as TCategory)
    : undefined
  const status = (OPEN_STATUSES as readonly string[]).includes(rawStatus ?? '')
    ? (rawStatus as RequestStatus)
    : undefined
  const views = QUEUE_VIEWS.filter((v) => v !== 'all' || can(actor, 'team.lead'))
  const fallback: QueueView = can(actor, 'team.lead') ? 'all' : 'mine'
  const view = (views as readonly string[]).includes(requested ?? '') ? (requested as QueueView) : fallback
  const now = new Date()
  const all = (await listRequests(actor, { openOnly: true, take: 500, filters: { q, category, status } })).sort(
    byDeadline,
  )
  const counts = Object.fromEntries(views.map((v) => [v, all.filter((r) => inQueue(v, r, actor, now)).length]))
  const shown = all.filter((r) => inQueue(view, r, actor, now))
  const titles = Object.fromEntries(all.map((r) => [r.id, r.title]))
  const [handoffs, care] = await Promise.all([openHandoffsFor(actor), upcomingCare(actor)])
  const tc = await getTranslations('care')
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
          <Shortcuts
            items={[
              { key: 'j', label: ts('next') },
              { key: 'k', label: ts('prev') },
              { key: 'Enter', label: ts('open') },
              { key: '/', label: ts('search'), focus: 'queue-search' },
              ...views.map((v, i) => ({
                key: String(i + 1),
                label: `${ts('view', { n: i + 1 })}: ${t(v)}`,
                href: `/console?view=${v}`,
              })),
            ]}
          />
          <StaffLive
            titles={titles}
            alertOn={['AT_RISK', 'BREACHED', 'OFFERED', 'NEW_REQUEST', 'CLIENT_MESSAGE']}
            watch={all
              .filter((r) => r.assigneeId === actor.userId && r.timer && !r.timer.metAt && !r.timer.pausedAt)
              .map((r) => ({ id: r.id, title: r.title, atRiskAt: r.timer!.atRiskAt, dueAt: r.timer!.dueAt }))}
          />
        </div>
      </div>
      <QueueFilters view={view} q={q} category={category} status={status} />
      <QueueTable
        requests={shown}
        serverNow={now.toISOString()}
        viewerTimeZone={actor.timeZone}
        hrefBase="/console/requests"
        showAssignee={view !== 'mine'}
        canTake={can(actor, 'request.take') && actor.onDuty}
      />
      <p className="mt-4 text-xs text-ink-soft">{t('shortcuts')}</p>
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <section>
          <h2 className="mb-3 text-lg font-medium">
            {tc('title')} <span className="text-ink-soft">({care.length})</span>
          </h2>
          <CareList items={care} />
        </section>
        <section>
          <h2 className="mb-3 text-lg font-medium">{th('open')}</h2>
          <HandoffList items={handoffs} timeZone={actor.timeZone} showRequest />
        </section>
      </div>
    </>
  )
}
