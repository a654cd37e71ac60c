import { z } from 'zod'

const text = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { message: 'errors.required' })
    .max(max, { message: 'errors.tooLong' })

export const ZCareOutreach = z.object({ careTaskId: z.string().min(1).max(40), outreach: text(1000) })
export type TCareOutreach = z.infer<typeof ZCareOutreach>

export const ZCareToRequest = z.object({ careTaskId: z.string().min(1).max(40), title: text(120) })
export type TCareToRequest = z.infer<typeof ZCareToRequest>
