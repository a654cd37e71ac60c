'use client'

import { useTranslations } from 'next-intl'
import { canOfferAlternative } from '@/lib/requests/state-machine'
import { StatusForm } from '@/components/console/status-form'
import { TakeButton } from '@/components/console/take-button'
import { TransferForm } from '@/components/console/transfer-form'
import { AlternativeForm } from '@/components/requests/alternative-form'
import { ReplyClock } from './reply-clock'
import { SlaClock } from './sla-clock'
import { useLiveRequest } from './live-request'

// The parts of a request page that follow its live row (<LiveRequest>): status, clocks,
// assignee, and the forms that must carry its current version.

export function LiveStatusBadge() {
  const t = useTranslations('statuses')
  const { request } = useLiveRequest()
  return (
    <span className="rounded-full bg-gold-soft px-2 py-0.5" data-testid="request-status">
      {t(request.status)}
    </span>
  )
}

// Staff see the headline clock; a client sees the time within which their butler replies.
export function LiveClock({ serverNow, side }: { serverNow: string; side: 'client' | 'staff' }) {
  const { request } = useLiveRequest()
  const timer = request.timer
  if (!timer) return null
  if (side === 'client') return timer.metAt ? null : <ReplyClock timer={timer} serverNow={serverNow} />
  return <SlaClock timer={timer} serverNow={serverNow} />
}

export function LiveStaffControls({ userId, mayTake }: { userId: string; mayTake: boolean }) {
  const t = useTranslations('console')
  const { request } = useLiveRequest()
  return (
    <>
      {request.offerStage && (
        <span className="whitespace-nowrap rounded-full bg-gold-soft px-2 py-0.5 text-ink">
          {request.offerStage === 'ALL' ? t('offerAll') : t('offerBackup')}
        </span>
      )}
      {request.offerStage && mayTake && request.assigneeId !== userId && (
        <TakeButton requestId={request.id} version={request.version} />
      )}
    </>
  )
}

export function LiveStaffForms() {
  const { request } = useLiveRequest()
  return (
    <>
      <StatusForm requestId={request.id} status={request.status} version={request.version} />
      {canOfferAlternative(request.status) && <AlternativeForm requestId={request.id} version={request.version} />}
    </>
  )
}

export function LiveAssignee() {
  const t = useTranslations('supervisor')
  const { request } = useLiveRequest()
  return <span className="text-ink">{request.assigneeName ?? t('unassigned')}</span>
}

export function LiveTimers({ serverNow }: { serverNow: string }) {
  const t = useTranslations('sla')
  const { request } = useLiveRequest()
  return (
    <ul className="mt-2 space-y-2">
      {request.timers.map((tm) => (
        <li key={tm.id} className="flex items-center justify-between gap-2">
          <span className="text-ink-soft">{t(tm.kind)}</span>
          <SlaClock timer={tm} serverNow={serverNow} />
        </li>
      ))}
    </ul>
  )
}

export function LiveTransferForm({ colleagues }: { colleagues: { id: string; name: string; onDuty: boolean }[] }) {
  const { request } = useLiveRequest()
  return (
    <TransferForm
      requestId={request.id}
      version={request.version}
      colleagues={colleagues.filter((c) => c.id !== request.assigneeId)}
    />
  )
}
