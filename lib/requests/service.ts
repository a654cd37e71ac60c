import { db, type Tx } from '../db'
import { wallTimeToUtc } from '../i18n/format'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { requestScope } from '../auth/scope'
import { recordAudit } from '../audit/record'
import { publish } from '../events/publish'
import { clientMailTarget, enqueueEmail } from '../notifications/outbox'
import {
  hasOpenResponseTimer, meetResolutionTimer, meetResponseTimers, pauseResolution, resumeResolution, startTimer,
} from '../sla/service'
import type {
  TChangeStatus, TClientMessage, TCreateRequest, TDecideAlternative, TOfferAlternative, TRateRequest, TReply, TTakeRequest,
  TTransfer,
} from './schemas'
import { canOfferAlternative, canTransition, RESOLVED_STATUSES } from './state-machine'

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
    select: {
      tier: true,
      dedicatedButler: { select: { id: true, onDuty: true } },
      backupButler: { select: { id: true, onDuty: true } },
    },
  })
  // The dedicated butler serves the client; when off duty the backup takes the request, and
  // with neither on duty it is offered to everyone on duty at once (the clock never stops).
  const assigneeId =
    client.dedicatedButler?.onDuty ? client.dedicatedButler.id
    : client.backupButler?.onDuty ? client.backupButler.id
    : client.dedicatedButler?.id ?? null
  const offerNow = !client.dedicatedButler?.onDuty && !client.backupButler?.onDuty

  const created = await db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.create({
      data: {
        clientId, createdById: actor.userId, assigneeId,
        ...(offerNow ? { offerStage: 'ALL' as const, offeredAt: new Date() } : {}),
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
    await startTimer(tx, { requestId: request.id, clientId, kind: 'RESOLUTION', category: input.category, tier: client.tier })
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

// The message this author already sent with this key, if any (a retry or a double click).
async function sentBefore(tx: Tx, authorId: string, idempotencyKey: string | undefined) {
  if (!idempotencyKey) return null
  return tx.message.findFirst({ where: { authorId, idempotencyKey }, select: { id: true } })
}

// Two sends with one key raced past the check: the loser answers with the winner's message.
function orSentBefore(actor: Actor, idempotencyKey: string | undefined) {
  return async (e: unknown) => {
    if (!idempotencyKey || !isUniqueViolation(e)) throw e
    return db.message.findFirstOrThrow({ where: { authorId: actor.userId, idempotencyKey }, select: { id: true } })
  }
}

export async function replyToRequest(actor: Actor, input: TReply) {
  if (actor.role !== 'BUTLER' && actor.role !== 'SUPERVISOR') throw new AppError('FORBIDDEN', 'errors.forbidden')
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.findFirst({
      where: { id: input.requestId, ...requestScope(actor) },
      select: { id: true, clientId: true, status: true, version: true, title: true },
    })
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    const earlier = await sentBefore(tx, actor.userId, input.idempotencyKey)
    if (earlier) return earlier
    const message = await tx.message.create({
      data: {
        requestId: request.id, authorId: actor.userId,
        visibility: input.internal ? 'INTERNAL' : 'CLIENT', body: input.body, idempotencyKey: input.idempotencyKey,
      },
      select: { id: true },
    })
    if (!input.internal) {
      await meetResponseTimers(tx, request.id, request.clientId, actor.userId)
      // The first client-visible reply is the acknowledgement; an answered request is no
      // longer offered to others.
      await tx.serviceRequest.update({
        where: { id: request.id },
        data: {
          ...(request.status === 'NEW' ? { status: 'ACKNOWLEDGED' as const } : {}),
          offerStage: null, offeredAt: null, version: { increment: 1 },
        },
      })
      const target = await clientMailTarget(tx, request.clientId)
      await enqueueEmail(tx, target.to, target.locale, 'butlerReplied', {
        title: request.title, butler: actor.name, path: `/portal/requests/${request.id}`,
      })
    }
    await recordAudit(tx, {
      actorId: actor.userId, action: input.internal ? 'request.note_added' : 'request.replied',
      entity: 'Message', entityId: message.id, clientId: request.clientId, data: { requestId: request.id },
    })
    await publish(tx, { type: 'message.created', requestId: request.id, clientId: request.clientId, internal: input.internal, fromClient: false })
    return message
  }).catch(orSentBefore(actor, input.idempotencyKey))
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
    const [{ status }] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "ServiceRequest" WHERE id = ${request.id} FOR UPDATE`
    const earlier = await sentBefore(tx, actor.userId, input.idempotencyKey)
    if (earlier) return earlier
    if (status === 'WAITING_CLIENT') {
      // The client answered: the request is back with staff and its resolution clock runs again.
      await tx.serviceRequest.update({ where: { id: request.id }, data: { status: 'IN_PROGRESS', version: { increment: 1 } } })
      await resumeResolution(tx, request.id)
    }
    const message = await tx.message.create({
      data: { requestId: request.id, authorId: actor.userId, visibility: 'CLIENT', body: input.body, idempotencyKey: input.idempotencyKey },
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
    await publish(tx, { type: 'message.created', requestId: request.id, clientId: request.clientId, internal: false, fromClient: true })
    return message
  }).catch(orSentBefore(actor, input.idempotencyKey))
}

const STAFF_WHO_WORK_REQUESTS = ['BUTLER', 'SUPERVISOR'] as const

export async function changeStatus(actor: Actor, input: TChangeStatus) {
  if (!(STAFF_WHO_WORK_REQUESTS as readonly string[]).includes(actor.role)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.findFirst({
      where: { id: input.requestId, ...requestScope(actor) },
      select: { id: true, clientId: true, status: true, version: true },
    })
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (!canTransition(request.status, input.status)) throw new AppError('INVALID_TRANSITION', 'errors.invalidTransition')
    // Optimistic version: a change made on a stale screen is refused, not silently applied.
    const updated = await tx.serviceRequest.updateMany({
      where: { id: request.id, version: input.version },
      data: {
        status: input.status, version: { increment: 1 },
        ...(input.status === 'CLOSED' ? { closedAt: new Date() } : {}),
      },
    })
    if (updated.count === 0) throw new AppError('CONFLICT', 'errors.staleVersion')
    if (input.status === 'WAITING_CLIENT') await pauseResolution(tx, request.id)
    if (request.status === 'WAITING_CLIENT' && input.status !== 'WAITING_CLIENT') await resumeResolution(tx, request.id)
    if (RESOLVED_STATUSES.includes(input.status)) await meetResolutionTimer(tx, request.id, request.clientId, actor.userId)
    await recordAudit(tx, {
      actorId: actor.userId, action: 'request.status_changed', entity: 'ServiceRequest', entityId: request.id,
      clientId: request.clientId, data: { from: request.status, to: input.status },
    })
    await publish(tx, { type: 'request.updated', requestId: request.id, clientId: request.clientId })
    return { status: input.status }
  })
}

// Taking an offered request: exactly one butler wins.
export async function takeRequest(actor: Actor, input: TTakeRequest) {
  if (actor.role !== 'BUTLER') throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (!actor.onDuty) throw new AppError('FORBIDDEN', 'errors.offDuty')
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.findFirst({
      where: { id: input.requestId, ...requestScope(actor) },
      select: { id: true, clientId: true, assigneeId: true, version: true, offerStage: true, client: { select: { backupButlerId: true } } },
    })
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    const offeredToMe =
      request.offerStage === 'ALL' || (request.offerStage === 'BACKUP' && request.client.backupButlerId === actor.userId)
    if (!offeredToMe && request.assigneeId !== actor.userId) throw new AppError('CONFLICT', 'errors.notOffered')
    // Compare-and-set on the assignee read above: of two butlers taking at once, the second
    // finds the assignee changed and loses. An offer that widened meanwhile (backup -> all)
    // does not make a take fail.
    const taken = await tx.serviceRequest.updateMany({
      where: { id: request.id, assigneeId: request.assigneeId },
      data: { assigneeId: actor.userId, offerStage: null, offeredAt: null, version: { increment: 1 } },
    })
    if (taken.count === 0) throw new AppError('CONFLICT', 'errors.alreadyTaken')
    await recordAudit(tx, {
      actorId: actor.userId, action: 'request.taken', entity: 'ServiceRequest', entityId: request.id,
      clientId: request.clientId, data: { from: request.assigneeId },
    })
    await publish(tx, { type: 'request.updated', requestId: request.id, clientId: request.clientId })
    return { assigneeId: actor.userId }
  })
}

// The butler records what can be done instead; the client sees it and accepts or declines.
export async function offerAlternative(actor: Actor, input: TOfferAlternative) {
  if (!(STAFF_WHO_WORK_REQUESTS as readonly string[]).includes(actor.role)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.findFirst({
      where: { id: input.requestId, ...requestScope(actor) },
      select: { id: true, clientId: true, status: true, title: true },
    })
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (!canOfferAlternative(request.status)) throw new AppError('INVALID_TRANSITION', 'errors.invalidTransition')
    const updated = await tx.serviceRequest.updateMany({
      where: { id: request.id, version: input.version },
      data: { status: 'ALTERNATIVE_OFFERED', offerStage: null, offeredAt: null, version: { increment: 1 } },
    })
    if (updated.count === 0) throw new AppError('CONFLICT', 'errors.staleVersion')
    const alternative = await tx.alternative.create({
      data: { requestId: request.id, description: input.description, offeredById: actor.userId },
      select: { id: true },
    })
    // Offering an alternative answers the client and resolves the request for the clock.
    await meetResponseTimers(tx, request.id, request.clientId, actor.userId)
    await meetResolutionTimer(tx, request.id, request.clientId, actor.userId)
    const target = await clientMailTarget(tx, request.clientId)
    await enqueueEmail(tx, target.to, target.locale, 'alternativeOffered', { title: request.title, path: `/portal/requests/${request.id}` })
    await recordAudit(tx, {
      actorId: actor.userId, action: 'request.alternative_offered', entity: 'Alternative', entityId: alternative.id,
      clientId: request.clientId, data: { requestId: request.id, from: request.status },
    })
    await publish(tx, { type: 'request.updated', requestId: request.id, clientId: request.clientId })
    return alternative
  })
}

// Accepting closes the request; declining sends it back to the butler with a fresh clock.
export async function decideAlternative(actor: Actor, input: TDecideAlternative) {
  if (actor.role !== 'CLIENT' && actor.role !== 'DELEGATE') throw new AppError('FORBIDDEN', 'errors.forbidden')
  return db.$transaction(async (tx) => {
    const alt = await tx.alternative.findFirst({
      where: { id: input.alternativeId, request: requestScope(actor) },
      select: { id: true, status: true, request: { select: { id: true, clientId: true, status: true, category: true, client: { select: { tier: true } } } } },
    })
    if (!alt) throw new AppError('NOT_FOUND', 'errors.notFound')
    const decided = await tx.alternative.updateMany({
      where: { id: alt.id, status: 'OFFERED' },
      data: { status: input.accept ? 'ACCEPTED' : 'DECLINED', decidedAt: new Date() },
    })
    if (decided.count === 0 || alt.request.status !== 'ALTERNATIVE_OFFERED') throw new AppError('CONFLICT', 'errors.alreadyDecided')
    const r = alt.request
    await tx.serviceRequest.update({
      where: { id: r.id },
      data: input.accept
        ? { status: 'CLOSED', closedAt: new Date(), version: { increment: 1 } }
        : { status: 'IN_PROGRESS', version: { increment: 1 } },
    })
    if (!input.accept) {
      await startTimer(tx, { requestId: r.id, clientId: r.clientId, kind: 'NEXT_RESPONSE', category: r.category, tier: r.client.tier })
    }
    await recordAudit(tx, {
      actorId: actor.userId, action: input.accept ? 'request.alternative_accepted' : 'request.alternative_declined',
      entity: 'Alternative', entityId: alt.id, clientId: r.clientId, data: { requestId: r.id },
    })
    await publish(tx, { type: 'request.updated', requestId: r.id, clientId: r.clientId })
    return { accepted: input.accept }
  })
}

// Transfer to a colleague with a reason. The version check makes two concurrent transfers
// (or a transfer racing a take) resolve to exactly one winner.
export async function transferRequest(actor: Actor, input: TTransfer) {
  if (!(STAFF_WHO_WORK_REQUESTS as readonly string[]).includes(actor.role)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.findFirst({
      where: { id: input.requestId, ...requestScope(actor) }, select: { id: true, clientId: true, assigneeId: true },
    })
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    const to = await tx.user.findFirst({ where: { id: input.toButlerId, role: 'BUTLER', disabledAt: null }, select: { id: true } })
    if (!to) throw new AppError('INVALID_INPUT', 'errors.chooseButler')
    const moved = await tx.serviceRequest.updateMany({
      where: { id: request.id, version: input.version },
      data: { assigneeId: to.id, offerStage: null, offeredAt: null, version: { increment: 1 } },
    })
    if (moved.count === 0) throw new AppError('CONFLICT', 'errors.staleVersion')
    await tx.message.create({
      data: { requestId: request.id, authorId: actor.userId, visibility: 'INTERNAL', body: input.reason },
    })
    await recordAudit(tx, {
      actorId: actor.userId, action: 'request.transferred', entity: 'ServiceRequest', entityId: request.id,
      clientId: request.clientId, data: { from: request.assigneeId, to: to.id, reason: input.reason },
    })
    await publish(tx, { type: 'request.updated', requestId: request.id, clientId: request.clientId })
    return { assigneeId: to.id }
  })
}

// The scream index: the client's delight with a finished request, once per request.
export async function rateRequest(actor: Actor, input: TRateRequest) {
  if (actor.role !== 'CLIENT' && actor.role !== 'DELEGATE') throw new AppError('FORBIDDEN', 'errors.forbidden')
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.findFirst({
      where: { id: input.requestId, ...requestScope(actor) }, select: { id: true, clientId: true, status: true, rating: { select: { id: true } } },
    })
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (request.status !== 'CLOSED' && request.status !== 'FULFILLED') throw new AppError('INVALID_TRANSITION', 'errors.notFinished')
    if (request.rating) throw new AppError('CONFLICT', 'errors.alreadyRated')
    const rating = await tx.rating.create({
      data: { requestId: request.id, score: input.score, comment: input.comment }, select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.userId, action: 'request.rated', entity: 'Rating', entityId: rating.id, clientId: request.clientId,
      data: { requestId: request.id, score: input.score },
    })
    await publish(tx, { type: 'request.updated', requestId: request.id, clientId: request.clientId })
    return rating
  }).catch((e: unknown) => {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'errors.alreadyRated')
    throw e
  })
}

function isUniqueViolation(e: unknown) {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: string }).code === 'P2002'
}
