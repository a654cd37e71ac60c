'use server'

import { defineAction, serve, ZNoInput } from '../next/action'
import { env } from '../env'
import { ZScoreReview } from './schemas'
import { sampleWeek, scoreReview } from './service'

export const scoreReviewAction = serve('team.lead', ZScoreReview, { scoreReview })

export const sampleNowAction = defineAction({ name: 'sampleNow', can: 'team.lead', schema: ZNoInput }, async () => ({
  sampled: await sampleWeek(new Date(), env().QA_SAMPLE_SIZE),
}))
