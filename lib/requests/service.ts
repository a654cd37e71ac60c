import { db } from '../db'
import { wallTimeToUtc } from '../i18n/format'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { requestScope } from '../auth/scope'
import { recordAudit } from '../audit/record'
import { publish } from '../events/publish'
import { hasOpenResponseTimer, meetResponseTimers, startTimer } from '../sla/service'
import type { TClientMessage, TCreateRequest, TReply } from './schemas'

function clientIdFor(actor: Actor, requested?: string) {
  if (actor.role !== 'CLIENT' && actor.role !== 'DELEGATE') {
    throw new AppError('FORBIDDEN', 'errors.forbidden')
  }
  const clientId = requested ?? (actor.clientIds.length === 1 ? actor.clientIds[0] : undefined)
  // Delegates acting for several clients must say which; nobody may name a client not theirs.
  if (!clientId || !actor.clientIds.includes(clientId)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return clientId
}

export async function createRequest(actor: Actor, input: TCreateRequest) {
  const clientId = clientIdFor(actor, input.clientId)
  if (input.idempotencyKey) {
    const existing = await db.serviceRequest.findFirst({
      where: { idempotencyKey: input.idempotencyKey, clientId },
      select: { id: true, number: true },
    })
    if (existing) return existing
  }
  const client = await db.client.findUniqueOrThrow({
    where: { id: clientId },
    select: { tier: true, dedicatedButlerId: true },
  })

  const created = await db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.create({
      data: {
        clientId, createdById: actor.userId, assigneeId: client.dedicatedButlerId,
        category: input.category, title: input.title, details: input.details,
        wantedAt: input.wantedAt ? wallTimeToUtc(input.wantedAt, actor.timeZone) : null,
        idempotencyKey: input.idempotencyKey,
      },
      select: { id: true, number: true },
    })
    if (input.description) {
      await tx.message.create({
        data: { requestId: request.id, authorId: actor.userId, visibility: 'CLIENT', body: input.description },
      })
    }
    const timer = await startTimer(tx, {
      requestId: request.id, clientId, kind: 'FIRST_RESPONSE', category: input.category, tier: client.tier,
    })
    await recordAudit(tx, {
      actorId: actor.userId, action: 'request.created', entity: 'ServiceRequest', entityId: request.id, clientId,
      data: { category: input.category, timerId: timer.id },
    })
    await publish(tx, { type: 'request.created', requestId: request.id, clientId })
    return request
  }).catch(async (e: unknown) => {
    // Two submissions with one key raced: the loser returns the winner's request.
    if (input.idempotencyKey && isUniqueViolation(e)) {
      return db.serviceRequest.findFirstOrThrow({
        where: { idempotencyKey: input.idempotencyKey, clientId }, select: { id: true, number: true },
      })
    }
    throw e
  })
  return created
}

export async function replyToRequest(actor: Actor, input: TReply) {
  if (actor.role !== 'BUTLER' && actor.role !== 'SUPERVISOR') throw new AppError('FORBIDDEN', 'errors.forbidden')
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.findFirst({
      where: { id: input.requestId, ...requestScope(actor) },
      select: { id: true, clientId: true, status: true, version: true },
    })
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    const message = await tx.message.create({
      data: {
        requestId: request.id, authorId: actor.userId,
        visibility: input.internal ? 'INTERNAL' : 'CLIENT', body: input.body,
      },
      select: { id: true },
    })
    if (!input.internal) {
      await meetResponseTimers(tx, request.id, request.clientId, actor.userId)
      if (request.status === 'NEW') {
        // The first client-visible reply is the acknowledgement.
        await tx.serviceRequest.update({
          where: { id: request.id },
          data: { status: 'ACKNOWLEDGED', version: { increment: 1 } },
        })
      }
    }
    await recordAudit(tx, {
      actorId: actor.userId, action: input.internal ? 'request.note_added' : 'request.replied',
      entity: 'Message', entityId: message.id, clientId: request.clientId, data: { requestId: request.id },
    })
    await publish(tx, { type: 'message.created', requestId: request.id, clientId: request.clientId, internal: input.internal })
    return message
  })
}

export async function postClientMessage(actor: Actor, input: TClientMessage) {
  if (actor.role !== 'CLIENT' && actor.role !== 'DELEGATE') throw new AppError('FORBIDDEN', 'errors.forbidden')
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.findFirst({
      where: { id: input.requestId, ...requestScope(actor) },
      select: { id: true, clientId: true, category: true, client: { select: { tier: true } } },
    })
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    // Serialise concurrent messages on one request so only one next-response clock starts.
    await tx.$queryRaw`SELECT id FROM "ServiceRequest" WHERE id = ${request.id} FOR UPDATE`
    const message = await tx.message.create({
      data: { requestId: request.id, authorId: actor.userId, visibility: 'CLIENT', body: input.body },
      select: { id: true },
    })
    if (!(await hasOpenResponseTimer(tx, request.id))) {
      await startTimer(tx, {
        requestId: request.id, clientId: request.clientId, kind: 'NEXT_RESPONSE',
        category: request.category, tier: request.client.tier,
      })
    }
    await recordAudit(tx, {
      actorId: actor.userId, action: 'request.client_message', entity: 'Message', entityId: message.id,
      clientId: request.clientId, data: { requestId: request.id },
    })
    await publish(tx, { type: 'message.created', requestId: request.id, clientId: request.clientId, internal: false })
    return message
  })
}

function isUniqueViolation(e: unknown) {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: string }).code === 'P2002'
}
