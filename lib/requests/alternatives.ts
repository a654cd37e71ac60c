import 'server-only'
import type { Tx } from '../db'
import { AppError } from '../errors'
import type { RequestStatus } from '../generated/prisma/enums'
import type { Actor } from '../auth/roles'
import { clientMailTarget, enqueueEmail } from '../notifications/outbox'
import { pushToClient } from '../push/outbox'
import { meetResolutionTimer, meetResponseTimers } from '../sla/service'
import { startNextResponse } from './conversation'
import type { TDecideAlternative, TOfferAlternative } from './schemas'
import { canOfferAlternative } from './state-machine'
import { changeRequest, updateAtVersion } from './unit-of-work'

// "Never say no": the butler records what can be done instead; the client accepts or declines.
export function offerAlternative(actor: Actor, input: TOfferAlternative) {
  const select = { status: true, title: true } as const
  return changeRequest(actor, 'request.serve', { id: input.requestId }, select, (tx, request) =>
    recordAlternative(tx, actor, request, input),
  )
}

// The alternative itself, inside a change already under way: also how a supervisor declining
// a request on review offers the client something instead (lib/risk/service.ts).
export async function recordAlternative(
  tx: Tx,
  actor: Actor,
  request: { id: string; clientId: string; status: RequestStatus; title: string },
  input: Pick<TOfferAlternative, 'version' | 'description'>,
) {
  if (!canOfferAlternative(request.status)) throw new AppError('INVALID_TRANSITION', 'errors.invalidTransition')
  await updateAtVersion(tx, request.id, input.version, {
    status: 'ALTERNATIVE_OFFERED',
    offerStage: null,
    offeredAt: null,
  })
  const alternative = await tx.alternative.create({
    data: { requestId: request.id, description: input.description, offeredById: actor.userId },
    select: { id: true },
  })
  // Offering an alternative answers the client and resolves the request for the clock.
  await meetResponseTimers(tx, request.id, request.clientId, actor.userId)
  await meetResolutionTimer(tx, request.id, request.clientId, actor.userId)
  const target = await clientMailTarget(tx, request.clientId)
  await enqueueEmail(tx, target.to, target.locale, 'alternativeOffered', {
    title: request.title,
    path: `/portal/requests/${request.id}`,
  })
  await pushToClient(tx, 'ALTERNATIVE', request.id)
  return {
    result: alternative,
    audit: {
      action: 'request.alternative_offered',
      entity: 'Alternative',
      entityId: alternative.id,
      data: { requestId: request.id, from: request.status },
    },
  }
}

// Accepting closes the request; declining sends it back to the butler with a fresh clock.
export function decideAlternative(actor: Actor, input: TDecideAlternative) {
  const select = { status: true, category: true, client: { select: { tier: true } } } as const
  const where = { alternatives: { some: { id: input.alternativeId } } }
  return changeRequest(actor, 'portal.use', where, select, async (tx, request) => {
    const decided = await tx.alternative.updateMany({
      where: { id: input.alternativeId, status: 'OFFERED' },
      data: { status: input.accept ? 'ACCEPTED' : 'DECLINED', decidedAt: new Date() },
    })
    if (decided.count === 0 || request.status !== 'ALTERNATIVE_OFFERED')
      throw new AppError('CONFLICT', 'errors.alreadyDecided')
    await tx.serviceRequest.update({
      where: { id: request.id },
      data: input.accept
        ? { status: 'CLOSED', closedAt: new Date(), version: { increment: 1 } }
        : { status: 'IN_PROGRESS', version: { increment: 1 } },
    })
    if (!input.accept) await startNextResponse(tx, { ...request, tier: request.client.tier })
    return {
      result: { accepted: input.accept },
      audit: {
        action: input.accept ? 'request.alternative_accepted' : 'request.alternative_declined',
        entity: 'Alternative',
        entityId: input.alternativeId,
        data: { requestId: request.id },
      },
    }
  })
}
