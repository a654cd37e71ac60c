import 'server-only'
import type { RawDb } from '../db/raw'
import { Prisma } from '../generated/prisma/client'

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
  // One side of the conversation had the other's messages on screen: their "Read" shows live.
  | { type: 'thread.read'; requestId: string; clientId: string; readAt: string; byClient: boolean }
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

// Who may see a request (see RequestEvent), as SQL over the request whose id `requestId` gives:
// read inside the publishing transaction, so the list matches what the write committed.
const audienceOf = (requestId: Prisma.Sql) => Prisma.sql`
  SELECT ARRAY(
    SELECT DISTINCT who FROM unnest(
      ARRAY[c."userId", c."dedicatedButlerId", c."backupButlerId", r."assigneeId"]
      || ARRAY(SELECT d."userId" FROM "Delegate" d WHERE d."clientId" = c.id AND d.status = 'ACTIVE')
      || ARRAY(SELECT h."ownerId" FROM "Handoff" h WHERE h."requestId" = r.id AND h.status = 'OPEN')
      || CASE WHEN r."offerStage" = 'ALL' THEN ARRAY(
           SELECT u.id FROM "User" u WHERE u.role = 'BUTLER' AND u."onDuty" AND u."disabledAt" IS NULL)
         ELSE '{}'::text[] END) AS who
    WHERE who IS NOT NULL) AS audience
  FROM "ServiceRequest" r JOIN "Client" c ON c.id = r."clientId"
  WHERE r.id = ${requestId}`

// Sent inside the write's transaction, so listeners hear of it only if it commits. The audience
// is read and the notification sent in one statement.
export async function publish(tx: RawDb, event: DomainEvent) {
  await tx.$executeRaw`
    SELECT pg_notify(${EVENTS_CHANNEL}, (${JSON.stringify(event)}::jsonb
      || jsonb_build_object('audience', COALESCE((${audienceOf(Prisma.sql`${event.requestId}`)}), '{}'::text[])))::text)`
}

// Many events in one statement (the SLA worker decides marks in batches); each carries its
// request's audience like publish().
export async function publishMany(tx: RawDb, events: DomainEvent[]) {
  if (!events.length) return
  await tx.$executeRaw`
    SELECT pg_notify(${EVENTS_CHANNEL}, (e || jsonb_build_object('audience', COALESCE(a.audience, '{}'::text[])))::text)
    FROM unnest(${events.map((e) => JSON.stringify(e))}::jsonb[]) AS e
    LEFT JOIN LATERAL (${audienceOf(Prisma.raw(`e->>'requestId'`))}) a ON TRUE`
}

// Called in the transaction that changes who may see what, so no stream outlives its rights.
export async function publishScopeChange(tx: RawDb, userIds: (string | null | undefined)[]) {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))]
  if (ids.length) await notify(tx, { type: 'scope.changed', userIds: ids })
}

async function notify(tx: RawDb, event: BusEvent) {
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`
}
