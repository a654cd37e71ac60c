import { z } from 'zod'

export const ZEraseClient = z.object({
  clientId: z.string().min(1).max(40),
  // The client's name typed out, so an erasure is never one stray click.
  confirmation: z.string({ error: 'errors.required' }).trim().min(1, { message: 'errors.required' }).max(200),
})
export type TEraseClient = z.infer<typeof ZEraseClient>
