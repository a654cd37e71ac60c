import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { getRequestDetail, requestTimeline } from '@/lib/requests/queries'
import { attachmentsFor } from '@/lib/attachments/service'
import { confirmationsFor } from '@/lib/portal/confirmations'
import { otherSideReadAt } from '@/lib/portal/thread-reads'
import { requestButler } from '@/lib/portal/request-butler'
import { actingForNames } from '@/lib/portal/acting-for'
import { LiveStatus } from '@/components/live/live-status'
import { LiveRequest } from '@/components/live/live-request'
import { LiveClock, LiveStatusBadge } from '@/components/live/request-parts'
import { Composer } from '@/components/requests/composer'
import { Thread } from '@/components/requests/thread'
import { RatingForm } from '@/components/requests/rating-form'
import { AttachForm } from '@/components/requests/attach-form'
import { Avatar } from '@/components/ui/avatar'
import { requestFlow } from '@/components/portal/request-flow'

export const dynamic = 'force-dynamic'

// A request is a conversation with the butler: who, the state of things, then the chat with the
// request's details, files, alternatives and bookings as cards in it, and the composer below.
export default async function PortalRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('portal.use')
  const { id } = await params
  const request = await getRequestDetail(actor, id)
  if (!request) notFound()
  const t = await getTranslations()
  const [confirmations, timeline, files, readAt, butler, actingFor] = await Promise.all([
    confirmationsFor(actor, request.id),
    requestTimeline(actor, request.id),
    attachmentsFor(actor, request.id),
    otherSideReadAt(actor, request.id),
    requestButler(actor, request.id),
    actingForNames(actor),
  ])
  const cards = await requestFlow({ request, files, confirmations, timeline, timeZone: actor.timeZone })
  const done = request.status === 'CLOSED' || request.status === 'FULFILLED'
  return (
    <LiveRequest initial={request} messages={request.messages}>
      <header className="-mx-4 -mt-5 border-b border-line bg-white px-4 pb-3 pt-3">
        <div className="flex items-center gap-3">
          <Link
            href="/portal"
            className="-ml-2 grid size-11 shrink-0 place-items-center rounded-full text-lg text-ink-soft hover:text-ink"
            aria-label={t('common.back')}
          >
            ←
          </Link>
          {butler ? (
            <div className="flex min-w-0 flex-1 items-center gap-3" data-testid="thread-butler">
              <Avatar name={butler.name} photoUrl={butler.photoUrl} />
              <div className="min-w-0">
                <p className="truncate font-medium">{butler.name}</p>
                <p className="flex items-center gap-1.5 text-xs text-ink-soft">
                  <span aria-hidden className={`size-2 rounded-full ${butler.onDuty ? 'bg-ok' : 'bg-ink/30'}`} />
                  {butler.onDuty ? t('portal.onDuty') : t('portal.offDuty')}
                </p>
              </div>
            </div>
          ) : (
            <p className="flex-1 text-sm text-ink-soft">{t('portal.noButler')}</p>
          )}
          <LiveStatus />
        </div>
        <h1 className="mt-3 text-lg font-semibold leading-snug">{request.title}</h1>
        <div className="mt-1.5 flex flex-wrap items-center gap-2 text-xs">
          <span className="text-ink-soft">
            {t(`categories.${request.category}`)} · {t('portal.number', { number: request.number })}
          </span>
          <LiveStatusBadge />
          <LiveClock serverNow={new Date().toISOString()} side="client" />
        </div>
      </header>

      <section className="mt-5" aria-label={t('portal.conversation')}>
        <Thread timeZone={actor.timeZone} viewer="client" cards={cards} readAt={readAt} />
      </section>

      {done && (
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

      <section className="sticky bottom-0 -mx-4 mt-5 border-t border-line bg-ivory/95 px-4 pb-3 pt-3 backdrop-blur">
        <Composer requestId={request.id} userId={actor.userId} side="client" actingFor={actingFor} />
        <div className="mt-2">
          <AttachForm requestId={request.id} />
        </div>
      </section>
    </LiveRequest>
  )
}
