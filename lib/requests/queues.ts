import 'server-only'
import type { Actor } from '../auth/roles'
import { clockStateOf } from '../sla/clock'
import type { RequestSummaryDTO } from './queries'

export const QUEUE_VIEWS = ['mine', 'offered', 'backups', 'atRisk', 'all'] as const
export type QueueView = (typeof QUEUE_VIEWS)[number]

// Splits the requests a butler may see into the queues of the console.
export function inQueue(view: QueueView, r: RequestSummaryDTO, actor: Actor, now: Date) {
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
