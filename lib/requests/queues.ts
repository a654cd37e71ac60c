import type { Actor } from '../auth/roles'
import { clockStateOf } from '../sla/clock'
import type { RequestSummaryDTO } from '@/lib/requests/queries'

export const QUEUE_VIEWS = ['mine', 'offered', 'backups', 'atRisk', 'all'] as const
export type QueueView = (typeof QUEUE_VIEWS)[number]

// Splits the requests a butler may see into the queues of the console. Pure, so the browser
// applies it too when a live event changes a row.
export function inQueue(view: QueueView, r: RequestSummaryDTO, actor: Pick<Actor, 'userId'>, now: Date) {
  const me = actor.userId
  switch (view) {
    case 'mine':
      return r.assigneeId === me
    case 'offered':
      return r.assigneeId !== me && (r.offerStage === 'ALL' || (r.offerStage === 'BACKUP' && r.backupButlerId === me))
    case 'backups':
      return r.backupButlerId === me && r.assigneeId !== me
    case 'atRisk': {
      const s = clockStateOf(r.timer, now)
      return s === 'AT_RISK' || s === 'BREACHED'
    }
    case 'all':
      return true
  }
}

// Most urgent first: the nearest open response deadline, then the rest by age.
export function byDeadline(a: RequestSummaryDTO, b: RequestSummaryDTO) {
  const due = (r: RequestSummaryDTO) =>
    r.timer && !r.timer.metAt && !r.timer.cancelledAt ? new Date(r.timer.dueAt).getTime() : Number.POSITIVE_INFINITY
  return due(a) - due(b) || b.createdAt.localeCompare(a.createdAt)
}
