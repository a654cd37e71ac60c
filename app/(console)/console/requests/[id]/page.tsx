import Link from 'next/link'
import { can } from '@/lib/auth/policy'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { formatDay, formatTime, formatWhen, formatZone, type FriendlyLocale } from '@/lib/i18n/friendly'
import { queueQueryOf } from '@/lib/console/queue'
import { requestWorkspace } from '@/lib/console/request-panels'
import { REQUEST_BEAT_SECONDS } from '@/lib/presence/request-views'
import { StaffLive } from '@/components/live/staff-live'
import { Alternatives } from '@/components/requests/alternatives'
import { VendorTasks } from '@/components/vendors/vendor-tasks'
import { VendorTaskForm } from '@/components/vendors/vendor-task-form'
import { currencyForZone } from '@/lib/vendors/currency'
import { Shortcuts } from '@/components/console/shortcuts'
import { Checklist } from '@/components/console/checklist'
import { QueueRail } from '@/components/console/queue-rail'
import { ReplyComposer } from '@/components/console/reply-composer'
import { HandoffForm } from '@/components/handoffs/handoff-form'
import { HandoffList } from '@/components/handoffs/handoff-list'
import { AttachmentList } from '@/components/requests/attachment-list'
import { AttachForm } from '@/components/requests/attach-form'
import { DetailList } from '@/components/requests/detail-list'
import { Fold } from '@/components/ui/fold'
import { Thread } from '@/components/requests/thread'
import { ReviewBadge } from '@/components/risk/review-badge'
import { LiveRequest } from '@/components/live/live-request'
import { RequestPresence, WatchersNotice } from '@/components/presence/request-presence'
import {
  LiveAssignee,
  LiveClock,
  LiveStaffControls,
  LiveStaffForms,
  LiveStatusBadge,
  LiveTimers,
  LiveTransferForm,
} from '@/components/live/request-parts'

export const dynamic = 'force-dynamic'

const card = 'rounded-2xl border border-line bg-white p-4 text-sm'
const fold = 'group rounded-2xl border border-line bg-white p-4 text-sm'
const foldSummary = 'cursor-pointer font-medium'
const formSummary = 'cursor-pointer text-sm text-ink underline underline-offset-2'

// The workspace for one request at 1440 px: the queue on the left, the conversation in the
// middle (reply or internal note, who else has it open), a short rail on the right whose
// longer parts (vendor order, hand-off, transfer, clocks) open when asked for and are rendered
// only then (Fold).
export default async function ConsoleRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('request.serve')
  const { id } = await params
  const workspace = await requestWorkspace(actor, id)
  if (!workspace) notFound()
  const { request, panels } = workspace
  const { notes, tasks, vendors, steps, canned, handoffs, colleagues, files, review } = panels
  const t = await getTranslations()
  const locale = (await getLocale()) as FriendlyLocale
  const serverNow = new Date().toISOString()
  const open = request.status !== 'CLOSED'
  const when = { timeZone: actor.timeZone, locale }
  const shownNotes = [...notes.filter((n) => n.pinned), ...notes.filter((n) => !n.pinned)].slice(0, 3)
  return (
    <LiveRequest initial={request} messages={request.messages}>
      <RequestPresence requestId={request.id} seconds={REQUEST_BEAT_SECONDS}>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[16rem_minmax(0,1fr)_20rem]">
          <aside className="hidden xl:block">
            <div className="sticky top-4 max-h-[calc(100vh-2rem)] overflow-y-auto pr-1">
              <QueueRail
                view={queueQueryOf(actor, {}).view}
                userId={actor.userId}
                currentId={request.id}
                serverNow={serverNow}
                timeZone={actor.timeZone}
              />
            </div>
          </aside>
          <div className="min-w-0">
            <div className="flex items-center justify-between gap-3">
              <div className="flex items-center gap-3">
                <Link href="/console" className="text-sm text-ink-soft underline underline-offset-2 hover:text-ink">
                  ← {t('console.queue')}
                </Link>
                <Shortcuts
                  items={[
                    { key: 'r', label: t('shortcuts.reply'), click: '[data-mode="reply"]', focus: 'composer-body' },
                    { key: 'n', label: t('shortcuts.note'), click: '[data-mode="note"]', focus: 'composer-body' },
                    { key: 'm', label: t('shortcuts.canned'), focus: 'composer-canned' },
                    { key: 'Ctrl+Enter', label: t('shortcuts.send') },
                    { key: 'a', label: t('shortcuts.alternative'), click: '[data-offer-alternative]' },
                    { key: 'j', label: t('shortcuts.nextRequest'), click: '[data-next-request]' },
                    { key: 'k', label: t('shortcuts.prevRequest'), click: '[data-prev-request]' },
                    { key: 's', label: t('shortcuts.status'), focus: 'status-next' },
                    { key: 't', label: t('shortcuts.take'), click: '[data-take]' },
                    {
                      key: 'v',
                      label: t('shortcuts.vendor'),
                      click: '#vendor-new:not([open]) > summary',
                      focus: 'vt-vendor',
                    },
                    { key: 'c', label: t('shortcuts.client'), href: `/console/clients/${request.clientId}` },
                    { key: 'u', label: t('shortcuts.queue'), href: '/console' },
                  ]}
                />
              </div>
              <StaffLive
                titles={{ [request.id]: `${request.clientName} · ${request.title}` }}
                alertOn={
                  can(actor, 'team.lead')
                    ? ['BREACHED']
                    : ['AT_RISK', 'BREACHED', 'OFFERED', 'NEW_REQUEST', 'CLIENT_MESSAGE']
                }
              />
            </div>
            <header className="mt-3">
              <p className="text-xs text-ink-soft">
                {t(`categories.${request.category}`)} · #{request.number} ·{' '}
                <Link href={`/console/clients/${request.clientId}`} className="text-ink underline underline-offset-2">
                  {request.clientName}
                </Link>{' '}
                ·{' '}
                {t('console.clientNow', {
                  zone: formatZone(request.clientTimeZone, locale),
                  time: formatTime(serverNow, { timeZone: request.clientTimeZone, locale }),
                })}
              </p>
              <h1 className="mt-1 text-xl font-semibold">{request.title}</h1>
              <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
                <LiveStatusBadge />
                <LiveClock serverNow={serverNow} side="staff" />
                <LiveStaffControls userId={actor.userId} mayTake={can(actor, 'request.take') && actor.onDuty} />
              </div>
              <ReviewBadge reasons={review} />
              <div className="mt-2">
                <WatchersNotice />
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-4">
                <LiveStaffForms />
              </div>
            </header>
            {request.alternatives.length > 0 && (
              <section className="mt-6">
                <Alternatives items={request.alternatives} timeZone={actor.timeZone} canDecide={false} />
              </section>
            )}
            <section className="mt-6" aria-label={t('portal.conversation')}>
              <Thread timeZone={actor.timeZone} viewer="staff" />
            </section>
            <div className="mt-6">
              <ReplyComposer
                requestId={request.id}
                userId={actor.userId}
                clientName={request.clientName}
                canned={canned}
              />
            </div>
          </div>
          <aside className="space-y-3" aria-label={t('console.details')}>
            <section className={card}>
              <h2 className="font-medium">{t('console.details')}</h2>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-ink-soft">
                <dt>{t('console.assignee')}</dt>
                <dd>
                  <LiveAssignee />
                </dd>
                <dt>{t('console.createdAt')}</dt>
                <dd className="text-ink">{formatWhen(request.createdAt, when)}</dd>
              </dl>
              <DetailList request={request} timeZone={actor.timeZone} />
              <div className="mt-3 space-y-2 border-t border-line pt-3">
                <AttachmentList items={files} />
                <Fold
                  summary={t('attachments.attach')}
                  summaryClassName="cursor-pointer text-xs text-ink underline underline-offset-2"
                >
                  <div className="mt-2">
                    <AttachForm requestId={request.id} />
                  </div>
                </Fold>
              </div>
              {request.rating && (
                <p className="mt-3 border-t border-line pt-3" data-testid="client-rating">
                  {t('rating.yourRating')}: <span className="text-gold">{'★'.repeat(request.rating.score)}</span>
                  {request.rating.comment && (
                    <span className="mt-1 block text-ink-soft">“{request.rating.comment}”</span>
                  )}
                </p>
              )}
            </section>
            {steps.length > 0 && (
              <section className={card}>
                <Checklist requestId={request.id} steps={steps} />
              </section>
            )}
            <section className={card} data-testid="request-notes">
              <div className="flex items-center justify-between">
                <h2 className="font-medium">{t('client360.notes')}</h2>
                <Link
                  href={`/console/clients/${request.clientId}`}
                  className="text-xs text-ink underline underline-offset-2"
                >
                  {t('client360.open360')} →
                </Link>
              </div>
              {shownNotes.length === 0 ? (
                <p className="mt-2 text-ink-soft">{t('common.empty')}</p>
              ) : (
                <ul className="mt-2 space-y-2">
                  {shownNotes.map((n) => (
                    <li key={n.id} className={`rounded-lg p-2 ${n.pinned ? 'bg-gold-soft' : 'bg-ivory'}`}>
                      <p className="line-clamp-3 whitespace-pre-wrap">{n.body}</p>
                      <p className="mt-0.5 text-xs text-ink-soft">
                        {n.authorName} · {formatDay(n.createdAt, when)}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              {notes.length > shownNotes.length && (
                <p className="mt-2 text-xs text-ink-soft">
                  {t('console.moreNotes', { count: notes.length - shownNotes.length })}
                </p>
              )}
            </section>
            <section className={card}>
              <h2 className="font-medium">{t('vendors.title')}</h2>
              <div className="mt-2">
                <VendorTasks tasks={tasks} timeZone={actor.timeZone} staff />
              </div>
              {open && (
                <Fold id="vendor-new" className="mt-2" summary={t('vendors.new')} summaryClassName={formSummary}>
                  <VendorTaskForm
                    requestId={request.id}
                    vendors={vendors}
                    clientCurrency={currencyForZone(request.clientTimeZone)}
                  />
                </Fold>
              )}
            </section>
            <section className={card}>
              <h2 className="font-medium">{t('handoffs.title')}</h2>
              <div className="mt-2">
                <HandoffList items={handoffs} timeZone={actor.timeZone} />
              </div>
              {open && (
                <Fold className="mt-2" summary={t('handoffs.new')} summaryClassName={formSummary}>
                  <HandoffForm requestId={request.id} colleagues={colleagues} />
                </Fold>
              )}
            </section>
            {open && (
              <Fold className={fold} summary={t('transfer.title')} summaryClassName={foldSummary}>
                <div className="mt-2">
                  <LiveTransferForm colleagues={colleagues} />
                </div>
              </Fold>
            )}
            <Fold className={fold} summary={t('console.timers')} summaryClassName={foldSummary}>
              <LiveTimers serverNow={serverNow} />
            </Fold>
          </aside>
        </div>
      </RequestPresence>
    </LiveRequest>
  )
}
