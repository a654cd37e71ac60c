import { z } from 'zod'

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())

export const ZClientNote = z.object({
  clientId: z.string().min(1).max(40),
  body: z.string({ error: 'errors.required' }).trim().min(1, { message: 'errors.required' }).max(2000, { message: 'errors.tooLong' }),
  pinned: checkbox,
})
export type TClientNote = z.infer<typeof ZClientNote>

export const ZNotePin = z.object({ noteId: z.string().min(1).max(40), pinned: checkbox })
export type TNotePin = z.infer<typeof ZNotePin>

export const PII_FIELDS = ['phone', 'idDocument', 'familyPhone'] as const
export const ZRevealPii = z.object({
  clientId: z.string().min(1).max(40),
  field: z.enum(PII_FIELDS),
  familyMemberId: z.string().min(1).max(40).optional(),
})
export type TRevealPii = z.infer<typeof ZRevealPii>
