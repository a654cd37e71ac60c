import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/auth/guards'
import { byDeadline, listRequests } from '@/lib/requests/queries'
import { AppHeader } from '@/components/ui/app-header'
import { LiveRefresh } from '@/components/live/live-refresh'
import { QueueTable } from '@/components/console/queue-table'

export const dynamic = 'force-dynamic'

export default async function ConsoleHome() {
  const actor = await requirePageActor(['BUTLER', 'SUPERVISOR'])
  const t = await getTranslations('console')
  const requests = (await listRequests(actor, { openOnly: true, take: 200 })).sort(byDeadline)
  return (
    <>
      <AppHeader actor={actor} home="/console" section={t('title')} wide />
      <main className="mx-auto max-w-screen-2xl px-6 py-6">
        <div className="mb-4 flex items-center justify-between">
          <h1 className="text-xl font-semibold">{t('queue')} <span className="text-ink-soft">({requests.length})</span></h1>
          <LiveRefresh />
        </div>
        <QueueTable requests={requests} serverNow={new Date().toISOString()} viewerTimeZone={actor.timeZone} hrefBase="/console/requests" />
      </main>
    </>
  )
}
