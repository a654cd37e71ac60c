import 'server-only'
import type { Tx } from '../db'

export const EVENTS_CHANNEL = 'db_events'

// What a write says happened to a request. Ids only: the payload crosses every web process and
// must carry no personal data.
export type DomainEvent =
  | { type: 'request.created'; requestId: string; clientId: string }
  | { type: 'request.updated'; requestId: string; clientId: string }
  | {
      type: 'message.created'
      requestId: string
      clientId: string
      messageId: string
      internal: boolean
      fromClient: boolean
    }
  | { type: 'request.offered'; requestId: string; clientId: string; stage: 'BACKUP' | 'ALL' }
  | {
      type: 'sla.changed'
      requestId: string
      clientId: string
      timerId: string
      state: 'MET' | 'BREACHED' | 'AT_RISK' | 'STARTED'
    }

// Every request event names the users who may see the request at the moment it commits (the
// client, their active delegates, the dedicated and backup butlers, the assignee, open hand-off
// owners and, while it is offered to everyone, the butlers on duty). Supervisors see all. The
// web processes decide who receives an event from this list and the stream's scope in memory.
export type RequestEvent = DomainEvent & { audience: string[] }

// A user's rights changed (delegation revoked, client reassigned, account disabled, signed out,
// password changed): the streams of these users are re-scoped or closed at once.
type ScopeEvent = { type: 'scope.changed'; userIds: string[] }

// What travels through NOTIFY.
export type BusEvent = RequestEvent | ScopeEvent

// Read inside the publishing transaction, so the list matches what the write committed.
async function audienceOf(tx: Tx, requestId: string): Promise<string[]> {
  const r = await tx.serviceRequest.findUnique({
    where: { id: requestId },
    select: {
      assigneeId: true,
      offerStage: true,
      handoffs: { where: { status: 'OPEN' }, select: { ownerId: true } },
      client: {
        select: {
          userId: true,
          dedicatedButlerId: true,
          backupButlerId: true,
          delegates: { where: { status: 'ACTIVE' }, select: { userId: true } },
        },
      },
    },
  })
  if (!r) return []
  const onDuty =
    r.offerStage === 'ALL'
      ? await tx.user.findMany({
          where: { role: 'BUTLER', onDuty: true, disabledAt: null },
          select: { id: true },
        })
      : []
  const ids = [
    r.client.userId,
    ...r.client.delegates.map((d) => d.userId),
    r.client.dedicatedButlerId,
    r.client.backupButlerId,
    r.assigneeId,
    ...r.handoffs.map((h) => h.ownerId),
    ...onDuty.map((u) => u.id),
  ]
  return [...new Set(ids.filter((id): id is string => Boolean(id)))]
}

// Sent inside the write's transaction, so listeners hear of it only if it commits.
export async function publish(tx: Tx, event: DomainEvent) {
  const full: RequestEvent = { ...event, audience: await audienceOf(tx, event.requestId) }
  await notify(tx, full)
}

// Many events in one statement (the SLA worker decides marks in batches); each carries its
// request's audience like publish(), read once per request.
export async function publishMany(tx: Tx, events: DomainEvent[]) {
  if (!events.length) return
  const audiences = new Map<string, string[]>()
  for (const id of new Set(events.map((e) => e.requestId))) audiences.set(id, await audienceOf(tx, id))
  const full = events.map((e): RequestEvent => ({ ...e, audience: audiences.get(e.requestId) ?? [] }))
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, e) FROM unnest(${full.map((e) => JSON.stringify(e))}::text[]) AS e`
}

// Called in the transaction that changes who may see what, so no stream outlives its rights.
export async function publishScopeChange(tx: Tx, userIds: (string | null | undefined)[]) {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))]
  if (ids.length) await notify(tx, { type: 'scope.changed', userIds: ids })
}

async function notify(tx: Tx, event: BusEvent) {
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`
}
