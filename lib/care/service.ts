import 'server-only'
import { db } from '../db'
import { assertCan } from '../auth/policy'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { clientScope } from '../auth/scope'
import { recordAudit } from '../audit/record'
import { log } from '../log'
import { startTimer } from '../sla/service'
import { publish } from '../events/publish'
import { KEY_DATE } from '../clients/queries'
import { addDays, nextOccurrence, utcDay, withinLead } from './dates'
import type { TCareOutreach, TCareToRequest } from './schemas'

const DEFAULT_CARE_LEAD_DAYS = 7

// Proactive care (主动服务): one care task per key date occurrence and per upcoming trip,
// ahead of time, so the butler reaches out first. Safe to run any number of times: the
// unique keys (key date or request, and the day) make a second run create nothing.
export async function generateCareTasks(now = new Date(), leadDays = DEFAULT_CARE_LEAD_DAYS) {
  const keyDates = await db.keyDate.findMany({
    select: { ...KEY_DATE, clientId: true, client: { select: { dedicatedButlerId: true } } },
  })
  const fromDates = keyDates.flatMap((k) => {
    const occursOn = k.recurring ? nextOccurrence(k.date, now) : utcDay(k.date)
    if (!withinLead(occursOn, now, leadDays)) return []
    return [
      {
        clientId: k.clientId,
        keyDateId: k.id,
        butlerId: k.client.dedicatedButlerId,
        occursOn,
        summary: k.familyMember ? `${k.label} (${k.familyMember.name})` : k.label,
      },
    ]
  })
  const trips = await db.serviceRequest.findMany({
    where: {
      category: 'TRAVEL',
      status: { not: 'CLOSED' },
      wantedAt: { gte: utcDay(now), lt: addDays(utcDay(now), leadDays + 1) },
    },
    select: { id: true, title: true, wantedAt: true, clientId: true, client: { select: { dedicatedButlerId: true } } },
  })
  const fromTrips = trips.map((r) => ({
    clientId: r.clientId,
    requestId: r.id,
    butlerId: r.client.dedicatedButlerId,
    occursOn: utcDay(r.wantedAt!),
    summary: r.title,
  }))
  const created = await db.careTask.createMany({ data: [...fromDates, ...fromTrips], skipDuplicates: true })
  if (created.count) log.info({ created: created.count }, 'care tasks created')
  return created.count
}

async function openCareTask(actor: Actor, careTaskId: string) {
  assertCan(actor, 'request.serve')
  const task = await db.careTask.findFirst({
    where: { id: careTaskId, client: clientScope(actor) },
    select: { id: true, clientId: true, status: true, summary: true, client: { select: { tier: true } } },
  })
  if (!task) throw new AppError('NOT_FOUND', 'errors.notFound')
  return task
}

export async function recordOutreach(actor: Actor, input: TCareOutreach) {
  const task = await openCareTask(actor, input.careTaskId)
  return db.$transaction(async (tx) => {
    const done = await tx.careTask.updateMany({
      where: { id: task.id, status: 'OPEN' },
      data: { status: 'DONE', outreach: input.outreach },
    })
    if (done.count === 0) throw new AppError('CONFLICT', 'errors.alreadyClosed')
    await recordAudit(tx, actor.userId, 'care.outreach_recorded', 'CareTask', task.id, { clientId: task.clientId })
    return { done: true }
  })
}

// The butler turns care into service: a request on the client's behalf, already in hand.
export async function careToRequest(actor: Actor, input: TCareToRequest) {
  const task = await openCareTask(actor, input.careTaskId)
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.create({
      data: {
        clientId: task.clientId,
        createdById: actor.userId,
        assigneeId: actor.userId,
        category: 'OTHER',
        title: input.title,
        details: {},
        status: 'IN_PROGRESS',
      },
      select: { id: true },
    })
    await startTimer(tx, {
      requestId: request.id,
      clientId: task.clientId,
      kind: 'RESOLUTION',
      category: 'OTHER',
      tier: task.client.tier,
    })
    const linked = await tx.careTask.updateMany({
      where: { id: task.id, status: 'OPEN' },
      data: { status: 'DONE', outreach: input.title, requestId: request.id },
    })
    if (linked.count === 0) throw new AppError('CONFLICT', 'errors.alreadyClosed')
    await recordAudit(tx, actor.userId, 'care.request_created', 'ServiceRequest', request.id, {
      clientId: task.clientId,
      data: { careTaskId: task.id },
    })
    await publish(tx, { type: 'request.created', requestId: request.id, clientId: task.clientId })
    return request
  })
}
