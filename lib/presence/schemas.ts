import { z } from 'zod'

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v)

// The team's 24x7 number (digits, spaces, +, -, parentheses) and its WeCom contact link.
export const ZTeamContact = z.object({
  phone: z.preprocess(
    blankToNull,
    z
      .string({ error: 'errors.invalidValue' })
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{5,24}$/, { message: 'errors.invalidValue' })
      .nullable(),
  ),
  wecomUrl: z.preprocess(
    blankToNull,
    z
      .string({ error: 'errors.invalidValue' })
      .trim()
      .max(300, { message: 'errors.tooLong' })
      .refine((v) => /^https:\/\/\S+$/.test(v), { message: 'errors.invalidValue' })
      .nullable(),
  ),
})
export type TTeamContact = z.infer<typeof ZTeamContact>
