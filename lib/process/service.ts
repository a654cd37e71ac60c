import 'server-only'
import { db } from '../db'
import { assertCan } from '../auth/policy'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { requestScope } from '../auth/scope'
import { recordAudit } from '../audit/record'
import { publish } from '../events/publish'
import type { TChecklistTick } from './schemas'

// Standard process: ticking a step of the request's category checklist (or unticking it).
export async function tickChecklistStep(actor: Actor, input: TChecklistTick) {
  assertCan(actor, 'request.serve')
  return db.$transaction(async (tx) => {
    const request = await tx.serviceRequest.findFirst({
      where: { id: input.requestId, ...requestScope(actor) },
      select: { id: true, clientId: true, category: true },
    })
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    const step = await tx.checklistStep.findFirst({
      where: { id: input.stepId, category: request.category },
      select: { id: true },
    })
    if (!step) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (input.done) {
      await tx.requestChecklistItem.upsert({
        where: { requestId_stepId: { requestId: request.id, stepId: step.id } },
        create: { requestId: request.id, stepId: step.id, doneById: actor.userId },
        update: {},
      })
    } else {
      await tx.requestChecklistItem.deleteMany({ where: { requestId: request.id, stepId: step.id } })
    }
    await recordAudit(
      tx,
      actor.userId,
      input.done ? 'checklist.step_done' : 'checklist.step_undone',
      'ServiceRequest',
      request.id,
      { clientId: request.clientId, data: { stepId: step.id } },
    )
    await publish(tx, { type: 'request.updated', requestId: request.id, clientId: request.clientId })
    return { done: input.done }
  })
}
