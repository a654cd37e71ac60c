import 'server-only'
import { db } from '../db'
import { can, rolesFor } from '../auth/policy'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { requestScope } from '../auth/scope'
import { recordAudit } from '../audit/record'
import { publish } from '../events/publish'
import { wallTimeToUtc } from '../i18n/format'
import { startTimerUntil } from '../sla/service'
import type { TCloseHandoff, TCreateHandoff } from '../requests/schemas'

const canWork = (actor: Actor) => can(actor, 'request.serve')

// Second line (二线追踪): part of the work passes to a team or colleague with what is needed and
// a due time; it is watched like any clock and stays listed on both sides until closed.
export async function createHandoff(actor: Actor, input: TCreateHandoff) {
  if (!canWork(actor)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const request = await db.serviceRequest.findFirst({
    where: { id: input.requestId, ...requestScope(actor) },
    select: { id: true, clientId: true },
  })
  if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (input.ownerId) {
    const owner = await db.user.findFirst({
      where: { id: input.ownerId, role: { in: [...rolesFor('request.serve')] }, disabledAt: null },
      select: { id: true },
    })
    if (!owner) throw new AppError('INVALID_INPUT', 'errors.chooseButler').forField('ownerId')
  }
  const dueAt = wallTimeToUtc(input.dueAt, actor.timeZone)
  return db.$transaction(async (tx) => {
    const handoff = await tx.handoff.create({
      data: {
        requestId: request.id,
        team: input.team,
        ownerId: input.ownerId ?? actor.userId,
        need: input.need,
        dueAt,
      },
      select: { id: true },
    })
    await startTimerUntil(tx, { requestId: request.id, kind: 'HANDOFF', dueAt, handoffId: handoff.id })
    await recordAudit(tx, actor.userId, 'handoff.created', 'Handoff', handoff.id, {
      clientId: request.clientId,
      data: { requestId: request.id, team: input.team, ownerId: input.ownerId ?? actor.userId },
    })
    await publish(tx, { type: 'request.updated', requestId: request.id, clientId: request.clientId })
    return handoff
  })
}

export async function closeHandoff(actor: Actor, input: TCloseHandoff) {
  if (!canWork(actor)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return db.$transaction(async (tx) => {
    // The owner or anyone who may work the request can close it.
    const h = await tx.handoff.findFirst({
      // Prisma drops an empty relation filter inside OR, so the supervisor's "everything"
      // scope is stated as no filter at all.
      where: can(actor, 'team.lead')
        ? { id: input.handoffId }
        : { id: input.handoffId, OR: [{ ownerId: actor.userId }, { request: requestScope(actor) }] },
      select: { id: true, requestId: true, request: { select: { clientId: true } } },
    })
    if (!h) throw new AppError('NOT_FOUND', 'errors.notFound')
    const closed = await tx.handoff.updateMany({
      where: { id: h.id, status: 'OPEN' },
      data: { status: 'DONE', closedAt: new Date() },
    })
    if (closed.count === 0) throw new AppError('CONFLICT', 'errors.alreadyClosed')
    await tx.$executeRaw`UPDATE "SlaTimer" SET "metAt" = clock_timestamp(), "metById" = ${actor.userId}
      WHERE "handoffId" = ${h.id} AND "metAt" IS NULL AND "cancelledAt" IS NULL`
    await recordAudit(tx, actor.userId, 'handoff.closed', 'Handoff', h.id, {
      clientId: h.request.clientId,
      data: { requestId: h.requestId },
    })
    await publish(tx, { type: 'request.updated', requestId: h.requestId, clientId: h.request.clientId })
    return { closed: true }
  })
}
