import 'server-only'
import { db } from '../db'
import type { RawDb } from '../db/raw'
import { newId } from '../db/ids'
import type { Actor } from '../auth/roles'
import { enqueueChannelReply } from '../channels/outbound'
import { clientMailTarget, enqueueEmail } from '../notifications/outbox'
import { assessClientMessage } from '../risk/review'
import { pushToClient } from '../push/outbox'
import { hasOpenResponseTimer, meetResponseTimers, resumeResolution, startTimer } from '../sla/service'
import type { ClientTier } from '../generated/prisma/enums'
import type { TCategory, TClientMessage, TReply } from './schemas'
import { changeRequest, changeRequestRaw, isUniqueViolation, type RequestChange } from './unit-of-work'

// The message this author already sent with this key, if any (a retry or a double click).
async function sentBefore(tx: RawDb, authorId: string, idempotencyKey: string | undefined) {
  if (!idempotencyKey) return null
  const [earlier] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Message" WHERE "authorId" = ${authorId} AND "idempotencyKey" = ${idempotencyKey}::uuid LIMIT 1`
  return earlier ?? null
}

// One raw INSERT (the write path of every message; no query compilation). The clock, not the
// transaction's start, stamps it; a second message with the author's key fails as a unique
// violation (the MessageKey trigger).
async function insertMessage(
  tx: RawDb,
  m: { requestId: string; authorId: string; internal: boolean; body: string; idempotencyKey?: string },
) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" (id, "requestId", "authorId", visibility, body, "createdAt", "idempotencyKey")
    VALUES (${newId()}, ${m.requestId}, ${m.authorId}, ${m.internal ? 'INTERNAL' : 'CLIENT'}::"MessageVisibility",
            ${m.body}, clock_timestamp(), ${m.idempotencyKey ?? null}::uuid)
    RETURNING id`
  return row
}

// Two sends with one key raced past the check: the loser answers with the winner's message.
function orSentBefore(actor: Actor, idempotencyKey: string | undefined) {
  return async (e: unknown) => {
    if (!idempotencyKey || !isUniqueViolation(e)) throw e
    return db.message.findFirstOrThrow({ where: { authorId: actor.userId, idempotencyKey }, select: { id: true } })
  }
}

// The client spoke again while the request waits for staff: a fresh response clock starts.
export function startNextResponse(
  tx: RawDb,
  request: { id: string; clientId: string; category: TCategory; tier: ClientTier },
) {
  return startTimer(tx, {
    requestId: request.id,
    clientId: request.clientId,
    kind: 'NEXT_RESPONSE',
    category: request.category,
    tier: request.tier,
  })
}

export function replyToRequest(actor: Actor, input: TReply) {
  const select = { status: true, title: true } as const
  return changeRequest(
    actor,
    'request.serve',
    { id: input.requestId },
    select,
    async (tx, request): Promise<RequestChange<{ id: string }>> => {
      const earlier = await sentBefore(tx, actor.userId, input.idempotencyKey)
      if (earlier) return { replayed: earlier }
      const message = await insertMessage(tx, {
        requestId: request.id,
        authorId: actor.userId,
        internal: input.internal,
        body: input.body,
        idempotencyKey: input.idempotencyKey,
      })
      if (!input.internal) {
        await meetResponseTimers(tx, request.id, request.clientId, actor.userId)
        // The first client-visible reply is the acknowledgement; an answered request is no
        // longer offered to others.
        await tx.$executeRaw`
          UPDATE "ServiceRequest"
          SET status = CASE WHEN status = 'NEW' THEN 'ACKNOWLEDGED'::"RequestStatus" ELSE status END,
              "offerStage" = NULL, "offeredAt" = NULL, version = version + 1, "updatedAt" = clock_timestamp()
          WHERE id = ${request.id}`
        const target = await clientMailTarget(tx, request.clientId)
        await enqueueEmail(tx, target.to, target.locale, 'butlerReplied', {
          title: request.title,
          butler: actor.name,
          path: `/portal/requests/${request.id}`,
        })
        await enqueueChannelReply(tx, { messageId: message.id, clientId: request.clientId, body: input.body })
        await pushToClient(tx, 'REPLIED', request.id)
      }
      return {
        result: message,
        audit: {
          action: input.internal ? 'request.note_added' : 'request.replied',
          entity: 'Message',
          entityId: message.id,
          data: { requestId: request.id },
        },
        event: { type: 'message.created', messageId: message.id, internal: input.internal, fromClient: false },
      }
    },
  ).catch(orSentBefore(actor, input.idempotencyKey))
}

export function postClientMessage(actor: Actor, input: TClientMessage) {
  type Read = { status: string; category: TCategory; tier: ClientTier }
  return changeRequestRaw<Read, { id: string }>(
    actor,
    'portal.use',
    input.requestId,
    // Locked: concurrent messages on one request are serialised, so only one next-response
    // clock starts.
    { columns: 'r.status::text AS status, r.category::text AS category, c.tier::text AS tier', lock: true },
    async (tx, request) => {
      const earlier = await sentBefore(tx, actor.userId, input.idempotencyKey)
      if (earlier) return { replayed: earlier }
      if (request.status === 'WAITING_CLIENT') {
        // The client answered: the request is back with staff and its resolution clock runs again.
        await tx.$executeRaw`
          UPDATE "ServiceRequest" SET status = 'IN_PROGRESS', version = version + 1, "updatedAt" = clock_timestamp()
          WHERE id = ${request.id}`
        await resumeResolution(tx, request.id)
      }
      const message = await insertMessage(tx, {
        requestId: request.id,
        authorId: actor.userId,
        internal: false,
        body: input.body,
        idempotencyKey: input.idempotencyKey,
      })
      await assessClientMessage(tx, actor, { requestId: request.id, clientId: request.clientId, body: input.body })
      if (!(await hasOpenResponseTimer(tx, request.id))) await startNextResponse(tx, request)
      return {
        result: message,
        audit: {
          action: 'request.client_message',
          entity: 'Message',
          entityId: message.id,
          data: { requestId: request.id },
        },
        event: { type: 'message.created', messageId: message.id, internal: false, fromClient: true },
      }
    },
  ).catch(orSentBefore(actor, input.idempotencyKey))
}
