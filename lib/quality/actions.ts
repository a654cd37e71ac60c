'use server'

import { defineAction, ZNoInput } from '../next/action'
import { env } from '../env'
import { ZScoreReview } from './schemas'
import { sampleWeek, scoreReview } from './service'

export const scoreReviewAction = defineAction(
  { name: 'scoreReview', can: 'team.lead', schema: ZScoreReview },
  (actor, input) => scoreReview(actor, input),
)

export const sampleNowAction = defineAction({ name: 'sampleNow', can: 'team.lead', schema: ZNoInput }, async () => ({
  sampled: await sampleWeek(new Date(), env().QA_SAMPLE_SIZE),
}))
