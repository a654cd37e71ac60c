import Link from 'next/link'
import { can } from '@/lib/auth/policy'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { formatInZone } from '@/lib/i18n/format'
import { getRequestDetail } from '@/lib/requests/queries'
import { notesForRequestView } from '@/lib/clients/queries'
import { StaffLive } from '@/components/live/staff-live'
import { Composer } from '@/components/requests/composer'
import { Alternatives } from '@/components/requests/alternatives'
import { listActiveVendors, vendorTasksFor } from '@/lib/vendors/queries'
import { VendorTasks } from '@/components/vendors/vendor-tasks'
import { VendorTaskForm } from '@/components/vendors/vendor-task-form'
import { Shortcuts } from '@/components/console/shortcuts'
import { Checklist } from '@/components/console/checklist'
import { HandoffForm } from '@/components/handoffs/handoff-form'
import { HandoffList } from '@/components/handoffs/handoff-list'
import { handoffsForRequest } from '@/lib/handoffs/queries'
import { listColleagues } from '@/lib/staff/queries'
import { attachmentsFor } from '@/lib/attachments/service'
import { AttachmentList } from '@/components/requests/attachment-list'
import { AttachForm } from '@/components/requests/attach-form'
import { cannedRepliesFor, checklistFor } from '@/lib/process/queries'
import { DetailList } from '@/components/requests/detail-list'
import { Thread } from '@/components/requests/thread'
import { ReviewBadge } from '@/components/risk/review-badge'
import { LiveRequest } from '@/components/live/live-request'
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

export default async function ConsoleRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('request.serve')
  const { id } = await params
  const request = await getRequestDetail(actor, id)
  if (!request) notFound()
  const t = await getTranslations()
  const serverNow = new Date().toISOString()
  const [notes, tasks, vendors, steps, canned, handoffs, colleagues, files] = await Promise.all([
    request.clientId ? notesForRequestView(actor, request.clientId) : [],
    vendorTasksFor(actor, request.id),
    listActiveVendors(),
    checklistFor(actor, request.id),
    cannedRepliesFor(request.category, request.clientLanguage),
    handoffsForRequest(actor, request.id),
    listColleagues(actor),
    attachmentsFor(actor, request.id),
  ])
  const open = request.status !== 'CLOSED'
  return (
    <LiveRequest initial={request} messages={request.messages}>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div>
          <div className="flex items-center justify-between">
            <div className="flex items-center gap-3">
              <Link href="/console" className="text-sm text-ink-soft hover:text-ink">
                ← {t('console.queue')}
              </Link>
              <Shortcuts
                items={[
                  { key: 'r', label: t('shortcuts.reply'), focus: 'composer-body' },
                  { key: 's', label: t('shortcuts.status'), focus: 'status-next' },
                  { key: 't', label: t('shortcuts.take'), click: '[data-take]' },
                  { key: 'v', label: t('shortcuts.vendor'), focus: 'vt-vendor' },
                  { key: 'c', label: t('shortcuts.client'), href: `/console/clients/${request.clientId}` },
                  { key: 'u', label: t('shortcuts.queue'), href: '/console' },
                ]}
              />
            </div>
            <StaffLive
              titles={{ [request.id]: request.title }}
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
              <Link
                href={`/console/clients/${request.clientId}`}
                className="text-ink underline-offset-2 hover:underline"
              >
                {request.clientName}
              </Link>
            </p>
            <h1 className="mt-1 text-xl font-semibold">{request.title}</h1>
            <div className="mt-2 flex items-center gap-2 text-xs">
              <LiveStatusBadge />
              <LiveClock serverNow={serverNow} side="staff" />
              <LiveStaffControls userId={actor.userId} mayTake={can(actor, 'request.take') && actor.onDuty} />
            </div>
            <ReviewBadge actor={actor} requestId={request.id} />
            <div className="mt-3 flex flex-wrap items-center gap-4">
              <LiveStaffForms />
            </div>
          </header>
          <section className="mt-6">
            <Alternatives items={request.alternatives} timeZone={actor.timeZone} canDecide={false} />
          </section>
          <section className="mt-6">
            <Thread timeZone={actor.timeZone} viewer="staff" />
          </section>
          <section className="mt-6 rounded-2xl border border-line bg-white p-4">
            <Composer requestId={request.id} userId={actor.userId} side="staff" canned={canned} />
          </section>
        </div>
        <aside className="space-y-4">
          <section className="rounded-2xl border border-line bg-white p-4 text-sm">
            <h2 className="font-medium">{t('console.details')}</h2>
            <p className="mt-2 text-ink-soft">
              {t('console.clientTime')}:{' '}
              <span className="tabular-nums text-ink">{formatInZone(serverNow, request.clientTimeZone, 'HH:mm')}</span>{' '}
              ({request.clientTimeZone})
            </p>
            <p className="mt-1 text-ink-soft">
              {t('console.assignee')}: <LiveAssignee />
            </p>
            <p className="mt-1 text-ink-soft">
              {t('console.createdAt')}:{' '}
              <span className="text-ink">{formatInZone(request.createdAt, actor.timeZone)}</span>
            </p>
            <DetailList request={request} timeZone={actor.timeZone} />
            <div className="mt-3 space-y-2 border-t border-line pt-3">
              <AttachmentList items={files} />
              <details>
                <summary className="cursor-pointer text-xs text-gold">{t('attachments.attach')}</summary>
                <div className="mt-2">
                  <AttachForm requestId={request.id} />
                </div>
              </details>
            </div>
            {request.rating && (
              <p className="mt-3 border-t border-line pt-3" data-testid="client-rating">
                {t('rating.yourRating')}: <span className="text-gold">{'★'.repeat(request.rating.score)}</span>
                {request.rating.comment && <span className="mt-1 block text-ink-soft">“{request.rating.comment}”</span>}
              </p>
            )}
          </section>
          {steps.length > 0 && (
            <section className="rounded-2xl border border-line bg-white p-4 text-sm">
              <Checklist requestId={request.id} steps={steps} />
            </section>
          )}
          <section className="rounded-2xl border border-line bg-white p-4 text-sm" data-testid="request-notes">
            <div className="flex items-center justify-between">
              <h2 className="font-medium">{t('client360.notes')}</h2>
              <Link href={`/console/clients/${request.clientId}`} className="text-xs text-gold hover:underline">
                {t('client360.open360')} →
              </Link>
            </div>
            {notes.length === 0 ? (
              <p className="mt-2 text-ink-soft">{t('common.empty')}</p>
            ) : (
              <ul className="mt-2 space-y-2">
                {notes.map((n) => (
                  <li key={n.id} className={`rounded-lg p-2 ${n.pinned ? 'bg-gold-soft' : 'bg-ivory'}`}>
                    <p className="whitespace-pre-wrap">{n.body}</p>
                    <p className="mt-0.5 text-xs text-ink-soft">
                      {n.authorName} · {formatInZone(n.createdAt, actor.timeZone, 'yyyy-MM-dd')}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="rounded-2xl border border-line bg-white p-4 text-sm">
            <h2 className="mb-2 font-medium">{t('vendors.title')}</h2>
            <VendorTasks tasks={tasks} timeZone={actor.timeZone} staff />
            {open && <VendorTaskForm requestId={request.id} vendors={vendors} />}
          </section>
          <section className="rounded-2xl border border-line bg-white p-4 text-sm">
            <h2 className="mb-2 font-medium">{t('handoffs.title')}</h2>
            <HandoffList items={handoffs} timeZone={actor.timeZone} />
            {open && (
              <details className="mt-3 border-t border-line pt-2">
                <summary className="cursor-pointer text-sm text-gold">{t('handoffs.new')}</summary>
                <HandoffForm requestId={request.id} colleagues={colleagues} />
              </details>
            )}
          </section>
          {open && (
            <details className="rounded-2xl border border-line bg-white p-4 text-sm">
              <summary className="cursor-pointer font-medium">{t('transfer.title')}</summary>
              <div className="mt-2">
                <LiveTransferForm colleagues={colleagues} />
              </div>
            </details>
          )}
          <section className="rounded-2xl border border-line bg-white p-4 text-sm">
            <h2 className="font-medium">{t('console.timers')}</h2>
            <LiveTimers serverNow={serverNow} />
          </section>
        </aside>
      </div>
    </LiveRequest>
  )
}
