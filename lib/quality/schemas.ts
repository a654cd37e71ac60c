import { z } from 'zod'
import { formNumber } from '../form-number'

const score = formNumber(
  z
    .number({ message: 'errors.score' })
    .int({ message: 'errors.score' })
    .min(1, { message: 'errors.score' })
    .max(5, { message: 'errors.score' }),
)

export const RUBRIC = ['timeliness', 'courtesy', 'accuracy', 'completeness', 'proactivity'] as const

export const ZScoreReview = z.object({
  reviewId: z.string().min(1).max(40),
  timeliness: score,
  courtesy: score,
  accuracy: score,
  completeness: score,
  proactivity: score,
  comment: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().trim().max(2000, { message: 'errors.tooLong' }).optional(),
  ),
})
export type TScoreReview = z.infer<typeof ZScoreReview>
