import 'server-only'
import { db } from '../db'
import { assertCan, can } from '../auth/policy'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { requestScope } from '../auth/scope'
import { recordAudit } from '../audit/record'
import { publish } from '../events/publish'
import { clientMailTarget, enqueueEmail } from '../notifications/outbox'
import { pushToClient } from '../push/outbox'
import { wallTimeToUtc } from '../i18n/format'
import { riskHoldsSpend } from '../risk/review'
import { startTimerUntil } from '../sla/service'
import { currencyForZone } from './currency'
import { LIMIT_CURRENCY, type TConfirmVendorTask, type TCreateVendorTask, type TDecideApproval } from './schemas'

// Flexible authority: a butler approves spend up to their limit alone; above it, or in a
// currency other than the limit's, a supervisor must approve before the vendor is booked.
export function needsApproval(cost: number | null, currency: string, limit: number | null) {
  if (cost === null || cost === 0) return false
  if (currency !== LIMIT_CURRENCY) return true
  return limit === null || cost > limit
}

export async function createVendorTask(actor: Actor, input: TCreateVendorTask) {
  assertCan(actor, 'request.serve')
  const [request, vendor, me] = await Promise.all([
    db.serviceRequest.findFirst({
      where: { id: input.requestId, ...requestScope(actor) },
      select: { id: true, clientId: true, client: { select: { timeZone: true } } },
    }),
    db.vendor.findFirst({ where: { id: input.vendorId, active: true }, select: { id: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { authorityLimit: true } }),
  ])
  if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (!vendor) throw new AppError('INVALID_INPUT', 'errors.chooseVendor').forField('vendorId')
  const limit = can(actor, 'team.lead')
    ? Number.POSITIVE_INFINITY
    : me.authorityLimit === null
      ? null
      : Number(me.authorityLimit)
  const currency = input.currency ?? currencyForZone(request.client.timeZone)
  const overLimit = needsApproval(input.cost, currency, limit)
  const dueAt = wallTimeToUtc(input.dueAt, actor.timeZone)

  return db.$transaction(async (tx) => {
    const pending = (await riskHoldsSpend(tx, actor, { ...input, currency, clientId: request.clientId })) || overLimit
    const task = await tx.vendorTask.create({
      data: {
        requestId: request.id,
        vendorId: vendor.id,
        description: input.description,
        cost: input.cost,
        currency,
        dueAt,
        status: pending ? 'PENDING_APPROVAL' : 'REQUESTED',
        approval: pending ? 'PENDING' : 'NOT_NEEDED',
      },
      select: { id: true, status: true },
    })
    await startTimerUntil(tx, { requestId: request.id, kind: 'VENDOR_TASK', dueAt, vendorTaskId: task.id })
    await recordAudit(
      tx,
      actor.userId,
      pending ? 'vendor_task.approval_requested' : 'vendor_task.created',
      'VendorTask',
      task.id,
      {
        clientId: request.clientId,
        data: { requestId: request.id, vendorId: vendor.id, cost: input.cost, currency },
      },
    )
    await publish(tx, { type: 'request.updated', requestId: request.id, clientId: request.clientId })
    return task
  })
}

export async function decideApproval(actor: Actor, input: TDecideApproval) {
  assertCan(actor, 'team.lead')
  return db.$transaction(async (tx) => {
    const task = await tx.vendorTask.findUnique({
      where: { id: input.taskId },
      select: { id: true, requestId: true, request: { select: { clientId: true } } },
    })
    if (!task) throw new AppError('NOT_FOUND', 'errors.notFound')
    const updated = await tx.vendorTask.updateMany({
      where: { id: task.id, version: input.version, approval: 'PENDING' },
      data: input.approve
        ? { approval: 'APPROVED', status: 'REQUESTED', approvedById: actor.userId, version: { increment: 1 } }
        : { approval: 'REJECTED', status: 'CANCELLED', approvedById: actor.userId, version: { increment: 1 } },
    })
    if (updated.count === 0) throw new AppError('CONFLICT', 'errors.staleVersion')
    if (!input.approve) {
      await tx.slaTimer.updateMany({
        where: { vendorTaskId: task.id, metAt: null, cancelledAt: null },
        data: { cancelledAt: new Date() },
      })
    }
    await recordAudit(
      tx,
      actor.userId,
      input.approve ? 'vendor_task.approved' : 'vendor_task.rejected',
      'VendorTask',
      task.id,
      { clientId: task.request.clientId, data: { requestId: task.requestId } },
    )
    await publish(tx, { type: 'request.updated', requestId: task.requestId, clientId: task.request.clientId })
    return { approved: input.approve }
  })
}

// Confirmation (with the vendor's reference) is what the client sees, e.g. car plate and driver.
export async function confirmVendorTask(actor: Actor, input: TConfirmVendorTask) {
  assertCan(actor, 'request.serve')
  return db.$transaction(async (tx) => {
    const task = await tx.vendorTask.findFirst({
      where: { id: input.taskId, request: requestScope(actor) },
      select: {
        id: true,
        requestId: true,
        approval: true,
        status: true,
        request: { select: { clientId: true, title: true } },
      },
    })
    if (!task) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (task.approval === 'PENDING' || task.approval === 'REJECTED')
      throw new AppError('CONFLICT', 'errors.awaitingApproval')
    const updated = await tx.vendorTask.updateMany({
      where: { id: task.id, version: input.version, status: 'REQUESTED' },
      data: { status: 'CONFIRMED', confirmationRef: input.confirmationRef, version: { increment: 1 } },
    })
    if (updated.count === 0) throw new AppError('CONFLICT', 'errors.staleVersion')
    await tx.$executeRaw`UPDATE "SlaTimer" SET "metAt" = clock_timestamp(), "metById" = ${actor.userId}
      WHERE "vendorTaskId" = ${task.id} AND "metAt" IS NULL AND "cancelledAt" IS NULL`
    const target = await clientMailTarget(tx, task.request.clientId)
    await enqueueEmail(tx, target.to, target.locale, 'vendorConfirmed', {
      title: task.request.title,
      confirmation: input.confirmationRef,
      path: `/portal/requests/${task.requestId}`,
    })
    await pushToClient(tx, 'VENDOR_CONFIRMED', task.requestId)
    await recordAudit(tx, actor.userId, 'vendor_task.confirmed', 'VendorTask', task.id, {
      clientId: task.request.clientId,
      data: { requestId: task.requestId },
    })
    await publish(tx, { type: 'request.updated', requestId: task.requestId, clientId: task.request.clientId })
    return { confirmed: true }
  })
}
