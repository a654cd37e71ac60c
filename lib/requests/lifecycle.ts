import 'server-only'
import { db, rawDb, rawTransaction } from '../db'
import { newId } from '../db/ids'
import type { ClientTier } from '../generated/prisma/enums'
import { wantedAtInZone } from './wanted-at'
import { AppError, isAppError } from '../errors'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'
import { publish } from '../events/publish'
import { assessNewRequest } from '../risk/review'
import { pickAssignee } from '../presence/service'
import { pushNewRequest } from '../push/outbox'
import { meetResolutionTimer, pauseResolution, resumeResolution, startTimers } from '../sla/service'
import type { TChangeStatus, TCreateRequest, TTakeRequest, TTransfer } from './schemas'
import { canTransition, RESOLVED_STATUSES } from './state-machine'
import { changeRequest, isUniqueViolation, updateAtVersion } from './unit-of-work'

function clientIdFor(actor: Actor, requested?: string) {
  assertCan(actor, 'portal.use')
  const clientId = requested ?? (actor.clientIds.length === 1 ? actor.clientIds[0] : undefined)
  // Delegates acting for several clients must say which; nobody may name a client not theirs.
  if (!clientId || !actor.clientIds.includes(clientId)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return clientId
}

type ClientForSubmission = {
  tier: ClientTier
  dedicatedButler: { id: string; onDuty: boolean } | null
  backupButler: { id: string; onDuty: boolean } | null
  // The request this draft already filed (same idempotency key), if any.
  existing: { id: string; number: number } | null
}

// A submission is the busiest write there is, so it runs as few raw statements as it can
// (no query compilation): one read before the transaction, one INSERT for the request and its
// first message, then the clocks, the risk check, the audit entry, the event and the push.
export async function createRequest(actor: Actor, input: TCreateRequest) {
  const clientId = clientIdFor(actor, input.clientId)
  const [client] = await rawDb.$queryRaw<ClientForSubmission[]>`
    SELECT c.tier::text AS tier,
      CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'onDuty', d."onDuty") END AS "dedicatedButler",
      CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object('id', b.id, 'onDuty', b."onDuty") END AS "backupButler",
      (SELECT json_build_object('id', r.id, 'number', r.number) FROM "ServiceRequest" r
        WHERE r."idempotencyKey" = ${input.idempotencyKey ?? null} AND r."clientId" = c.id) AS existing
    FROM "Client" c
    LEFT JOIN "User" d ON d.id = c."dedicatedButlerId"
    LEFT JOIN "User" b ON b.id = c."backupButlerId"
    WHERE c.id = ${clientId}`
  if (!client) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (client.existing) return client.existing
  // The dedicated butler serves the client; when unavailable the backup, then the least loaded
  // available colleague (lib/presence); with nobody reachable it is offered to everyone on duty.
  const { assigneeId, offerNow, via } = await pickAssignee(client)
  const wantedAt = input.wantedAt ? wantedAtInZone(input.wantedAt, actor.timeZone) : null

  return rawTransaction(async (tx) => {
    const [request] = await tx.$queryRaw<{ id: string; number: number }[]>`
        WITH r AS (
          INSERT INTO "ServiceRequest" (id, "clientId", "createdById", "assigneeId", "offerStage", "offeredAt",
            category, title, details, "wantedAt", "idempotencyKey", "updatedAt")
          VALUES (${newId()}, ${clientId}, ${actor.userId}, ${assigneeId},
            ${offerNow ? 'ALL' : null}::"OfferStage", ${offerNow ? new Date() : null},
            ${input.category}::"Category", ${input.title}, ${JSON.stringify(input.details ?? {})}::jsonb, ${wantedAt},
            ${input.idempotencyKey ?? null}, now())
          RETURNING id, number),
        first AS (
          INSERT INTO "Message" (id, "requestId", "authorId", visibility, body, "createdAt")
          SELECT ${newId()}, r.id, ${actor.userId}, 'CLIENT', ${input.description ?? null}, clock_timestamp()
          FROM r WHERE ${input.description ?? null}::text IS NOT NULL)
        SELECT id, number FROM r`
    const timers = await startTimers(tx, {
      requestId: request.id,
      clientId,
      kinds: ['FIRST_RESPONSE', 'RESOLUTION'],
      category: input.category,
      tier: client.tier,
      announce: false,
    })
    await assessNewRequest(tx, actor, { ...input, id: request.id, clientId })
    await recordAudit(tx, actor.userId, 'request.created', 'ServiceRequest', request.id, {
      clientId,
      data: { category: input.category, timerId: timers.get('FIRST_RESPONSE')!.id },
    })
    await publish(tx, { type: 'request.created', requestId: request.id, clientId })
    await pushNewRequest(tx, request.id, { offerNow, via })
    return request
  }).catch(async (e: unknown) => {
    // Two submissions with one key raced: the loser returns the winner's request.
    if (input.idempotencyKey && isUniqueViolation(e)) {
      return db.serviceRequest.findFirstOrThrow({
        where: { idempotencyKey: input.idempotencyKey, clientId },
        select: { id: true, number: true },
      })
    }
    throw e
  })
}

export function changeStatus(actor: Actor, input: TChangeStatus) {
  return changeRequest(actor, 'request.serve', { id: input.requestId }, { status: true }, async (tx, request) => {
    if (!canTransition(request.status, input.status))
      throw new AppError('INVALID_TRANSITION', 'errors.invalidTransition')
    await updateAtVersion(tx, request.id, input.version, {
      status: input.status,
      ...(input.status === 'CLOSED' ? { closedAt: new Date() } : {}),
    })
    if (input.status === 'WAITING_CLIENT') await pauseResolution(tx, request.id)
    if (request.status === 'WAITING_CLIENT' && input.status !== 'WAITING_CLIENT') await resumeResolution(tx, request.id)
    if (RESOLVED_STATUSES.includes(input.status))
      await meetResolutionTimer(tx, request.id, request.clientId, actor.userId)
    return {
      result: { status: input.status },
      audit: { action: 'request.status_changed', data: { from: request.status, to: input.status } },
    }
  })
}

// Taking an offered request: exactly one butler wins.
export function takeRequest(actor: Actor, input: TTakeRequest) {
  assertCan(actor, 'request.take')
  if (!actor.onDuty) throw new AppError('FORBIDDEN', 'errors.offDuty')
  const select = { assigneeId: true, offerStage: true, client: { select: { backupButlerId: true } } } as const
  return changeRequest(actor, 'request.take', { id: input.requestId }, select, async (tx, request) => {
    const offeredToMe =
      request.offerStage === 'ALL' ||
      (request.offerStage === 'BACKUP' && request.client.backupButlerId === actor.userId)
    if (!offeredToMe && request.assigneeId !== actor.userId) throw new AppError('CONFLICT', 'errors.notOffered')
    // Compare-and-set on the assignee read above: of two butlers taking at once, the second
    // finds the assignee changed and loses. An offer that widened meanwhile (backup -> all)
    // does not make a take fail.
    const taken = await tx.serviceRequest.updateMany({
      where: { id: request.id, assigneeId: request.assigneeId },
      data: { assigneeId: actor.userId, offerStage: null, offeredAt: null, version: { increment: 1 } },
    })
    if (taken.count === 0) throw new AppError('CONFLICT', 'errors.alreadyTaken')
    return {
      result: { assigneeId: actor.userId },
      audit: { action: 'request.taken', data: { from: request.assigneeId } },
    }
  }).catch(async (e: unknown) => {
    // Lost the race by a hair: the winner committed before this take read the request, which
    // then fell out of this butler's scope (no longer offered). Say what happened, not "not found".
    if (isAppError(e) && e.code === 'NOT_FOUND' && (await takenByAnother(actor, input.requestId))) {
      throw new AppError('CONFLICT', 'errors.alreadyTaken')
    }
    throw e
  })
}

async function takenByAnother(actor: Actor, requestId: string) {
  const taken = await db.auditEvent.findFirst({
    where: { action: 'request.taken', entityId: requestId, actorId: { not: actor.userId } },
    select: { id: true },
  })
  return taken !== null
}

// Transfer to a colleague with a reason. The version check makes two concurrent transfers
// (or a transfer racing a take) resolve to exactly one winner.
export function transferRequest(actor: Actor, input: TTransfer) {
  return changeRequest(actor, 'request.serve', { id: input.requestId }, { assigneeId: true }, async (tx, request) => {
    const to = await tx.user.findFirst({
      where: { id: input.toButlerId, role: 'BUTLER', disabledAt: null },
      select: { id: true },
    })
    if (!to) throw new AppError('INVALID_INPUT', 'errors.chooseButler').forField('toButlerId')
    await updateAtVersion(tx, request.id, input.version, { assigneeId: to.id, offerStage: null, offeredAt: null })
    await tx.message.create({
      data: { requestId: request.id, authorId: actor.userId, visibility: 'INTERNAL', body: input.reason },
    })
    return {
      result: { assigneeId: to.id },
      audit: { action: 'request.transferred', data: { from: request.assigneeId, to: to.id, reason: input.reason } },
    }
  })
}
