import 'server-only'
import type { Tx } from '../db'

export const EVENTS_CHANNEL = 'db_events'

// Ids only: the payload crosses every web process and must carry no personal data.
// Each receiver re-checks, per user, whether they may see the change.
export type DomainEvent =
  | { type: 'request.created'; requestId: string; clientId: string }
  | { type: 'request.updated'; requestId: string; clientId: string }
  | { type: 'message.created'; requestId: string; clientId: string; internal: boolean; fromClient: boolean }
  | { type: 'request.offered'; requestId: string; clientId: string; stage: 'BACKUP' | 'ALL' }
  | {
      type: 'sla.changed'
      requestId: string
      clientId: string
      timerId: string
      state: 'MET' | 'BREACHED' | 'AT_RISK' | 'STARTED'
    }

// Sent inside the write's transaction, so listeners hear of it only if it commits.
export async function publish(tx: Tx, event: DomainEvent) {
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`
}
