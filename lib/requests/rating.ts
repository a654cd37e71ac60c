import 'server-only'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import type { TRateRequest } from './schemas'
import { changeRequest, isUniqueViolation } from './unit-of-work'

// The scream index: the client's delight with a finished request, once per request.
export function rateRequest(actor: Actor, input: TRateRequest) {
  const select = { status: true, rating: { select: { id: true } } } as const
  return changeRequest(actor, 'portal.use', { id: input.requestId }, select, async (tx, request) => {
    if (request.status !== 'CLOSED' && request.status !== 'FULFILLED')
      throw new AppError('INVALID_TRANSITION', 'errors.notFinished')
    if (request.rating) throw new AppError('CONFLICT', 'errors.alreadyRated')
    const rating = await tx.rating.create({
      data: { requestId: request.id, score: input.score, comment: input.comment },
      select: { id: true },
    })
    return {
      result: rating,
      audit: {
        action: 'request.rated',
        entity: 'Rating',
        entityId: rating.id,
        data: { requestId: request.id, score: input.score },
      },
    }
  }).catch((e: unknown) => {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'errors.alreadyRated')
    throw e
  })
}
