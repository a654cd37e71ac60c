import { z } from 'zod'

export const ZChecklistTick = z.object({
  requestId: z.string().min(1).max(40),
  stepId: z.string().min(1).max(40),
  done: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
})
export type TChecklistTick = z.infer<typeof ZChecklistTick>
