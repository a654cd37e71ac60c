import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { formatInZone } from '@/lib/i18n/format'
import { getRequestDetail, requestTimeline } from '@/lib/requests/queries'
import { Timeline } from '@/components/requests/timeline'
import { LiveStatus } from '@/components/live/live-status'
import { LiveRequest } from '@/components/live/live-request'
import { LiveClock, LiveStatusBadge } from '@/components/live/request-parts'
import { Composer } from '@/components/requests/composer'
import { Thread } from '@/components/requests/thread'
import { DetailList } from '@/components/requests/detail-list'
import { Alternatives } from '@/components/requests/alternatives'
import { VendorTasks } from '@/components/vendors/vendor-tasks'
import { vendorTasksFor } from '@/lib/vendors/queries'
import { RatingForm } from '@/components/requests/rating-form'
import { AttachForm } from '@/components/requests/attach-form'
import { AttachmentList } from '@/components/requests/attachment-list'
import { attachmentsFor } from '@/lib/attachments/service'

export const dynamic = 'force-dynamic'

export default async function PortalRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('portal.use')
  const { id } = await params
  const request = await getRequestDetail(actor, id)
  if (!request) notFound()
  const t = await getTranslations()
  const [confirmations, timeline, files] = await Promise.all([
    vendorTasksFor(actor, request.id),
    requestTimeline(actor, request.id),
    attachmentsFor(actor, request.id),
  ])
  return (
    <LiveRequest initial={request} messages={request.messages}>
      <div className="flex items-center justify-between">
        <Link href="/portal" className="text-sm text-ink-soft hover:text-ink">
          ← {t('common.back')}
        </Link>
        <LiveStatus />
      </div>
      <header className="mt-3 rounded-2xl border border-line bg-white p-4 shadow-sm">
        <p className="text-xs text-ink-soft">
          {t(`categories.${request.category}`)} · #{request.number}
        </p>
        <h1 className="mt-1 text-lg font-semibold">{request.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
          <LiveStatusBadge />
          <LiveClock serverNow={new Date().toISOString()} side="client" />
        </div>
        <p className="mt-2 text-xs text-ink-soft">
          {t('portal.filedAt', { time: formatInZone(request.createdAt, actor.timeZone) })}
        </p>
        <DetailList request={request} timeZone={actor.timeZone} />
      </header>
      {(request.status === 'CLOSED' || request.status === 'FULFILLED') && (
        <section className="mt-5" data-testid="rating">
          {request.rating ? (
            <p className="rounded-2xl bg-gold-soft p-4 text-sm">
              {t('rating.thanks', { score: request.rating.score })}
            </p>
          ) : (
            <RatingForm requestId={request.id} />
          )}
        </section>
      )}
      <section className="mt-5">
        <Alternatives items={request.alternatives} timeZone={actor.timeZone} canDecide />
        <div className="mt-3">
          <VendorTasks tasks={confirmations} timeZone={actor.timeZone} staff={false} />
        </div>
      </section>
      <details className="mt-5 rounded-2xl border border-line bg-white p-4" open={request.status !== 'NEW'}>
        <summary className="cursor-pointer text-sm font-medium text-ink-soft">{t('timeline.title')}</summary>
        <div className="mt-3">
          <Timeline entries={timeline} timeZone={actor.timeZone} />
        </div>
      </details>
      <section className="mt-5">
        <h2 className="mb-3 text-sm font-medium text-ink-soft">{t('portal.conversation')}</h2>
        <Thread timeZone={actor.timeZone} viewer="client" />
      </section>
      <section className="mt-5">
        <Composer requestId={request.id} userId={actor.userId} side="client" />
      </section>
      <section className="mt-5 space-y-3 rounded-2xl border border-line bg-white p-4">
        <h2 className="text-sm font-medium text-ink-soft">{t('attachments.title')}</h2>
        <AttachmentList items={files} />
        <AttachForm requestId={request.id} />
      </section>
    </LiveRequest>
  )
}
