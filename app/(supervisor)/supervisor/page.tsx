import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { openRequestsForBoard } from '@/lib/requests/queries'
import { byDeadline } from '@/lib/requests/queues'
import { listStaff } from '@/lib/staff/queries'
import { pendingApprovals } from '@/lib/vendors/queries'
import { ApprovalButtons } from '@/components/vendors/approval-buttons'
import Link from 'next/link'
import { LiveBoard } from '@/components/live/live-board'
import { presenceOf } from '@/lib/presence/service'
import { replicaLagNotice } from '@/lib/db/replica'
import { ListOrEmpty } from '@/components/ui/list'

export const dynamic = 'force-dynamic'

export default async function SupervisorBoard() {
  const actor = await requirePageActor('team.lead')
  const t = await getTranslations()
  const [requests, staff, approvals, lagMinutes] = await Promise.all([
    openRequestsForBoard(actor),
    listStaff(actor),
    pendingApprovals(actor),
    replicaLagNotice(),
  ])

  const butlers = staff.filter((s) => s.role === 'BUTLER')
  const presence = await presenceOf(
    actor,
    butlers.map((b) => b.id),
  )
  return (
    <LiveBoard
      initial={requests.sort(byDeadline)}
      butlers={butlers.map((b) => ({ id: b.id, name: b.name, presence: presence.get(b.id) ?? 'OFF' }))}
      serverNow={new Date().toISOString()}
      viewerTimeZone={actor.timeZone}
      aside={
        <section data-testid="pending-approvals">
          {lagMinutes && (
            <p
              role="status"
              className="mb-4 rounded-2xl border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-ink"
              data-testid="replica-lag"
            >
              {t('supervisor.replicaLag', { minutes: lagMinutes })}
            </p>
          )}
          <h2 className="mb-3 text-lg font-medium">
            {t('vendors.pendingApprovals')} <span className="text-ink-soft">({approvals.length})</span>
          </h2>
          <ListOrEmpty items={approvals} empty={t('common.empty')} className="space-y-2">
            {(a) => (
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
            )}
          </ListOrEmpty>
        </section>
      }
    />
  )
}
