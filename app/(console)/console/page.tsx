import { can } from '@/lib/auth/policy'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { consoleQueue, queueQueryOf } from '@/lib/console/queue'
import { LiveQueue } from '@/components/live/live-queue'
import { QueueFilters } from '@/components/console/queue-filters'
import { Shortcuts } from '@/components/console/shortcuts'
import { HandoffList } from '@/components/handoffs/handoff-list'
import { openHandoffsFor } from '@/lib/handoffs/queries'
import { upcomingCare } from '@/lib/care/queries'
import { CareList } from '@/components/care/care-list'

export const dynamic = 'force-dynamic'

type Search = { view?: string; q?: string; category?: string; status?: string }

export default async function ConsoleHome({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('request.serve')
  const t = await getTranslations('console')
  const ts = await getTranslations('shortcuts')
  const th = await getTranslations('handoffs')
  // One page of the queue, whatever its length: the rest comes on demand.
  const { view, views, filters } = queueQueryOf(actor, await searchParams)
  const { q, category, status } = filters
  const serverNow = new Date()
  const [page, handoffs, care] = await Promise.all([
    consoleQueue(actor, { view, filters, now: serverNow }),
    openHandoffsFor(actor),
    upcomingCare(actor),
  ])
  const tc = await getTranslations('care')
  return (
    <>
      <LiveQueue
        initial={page}
        views={views}
        view={view}
        userId={actor.userId}
        filters={filters}
        serverNow={serverNow.toISOString()}
        viewerTimeZone={actor.timeZone}
        canTake={can(actor, 'request.take') && actor.onDuty}
        alertOn={['AT_RISK', 'BREACHED', 'OFFERED', 'NEW_REQUEST', 'CLIENT_MESSAGE']}
        shortcuts={
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
        }
        filterBar={<QueueFilters view={view} q={q} category={category} status={status} />}
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
