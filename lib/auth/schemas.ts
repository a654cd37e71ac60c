import { z } from 'zod'

// Anyone may send the sign-in form anything: what is missing is empty, what is long is cut.
export const ZSignIn = z.object({
  email: z
    .string()
    .catch('')
    .transform((s) => s.slice(0, 254)),
  password: z.string().catch(''),
  code: z
    .string()
    .catch('')
    .transform((s) => s.slice(0, 40)),
})
export type SignIn = z.infer<typeof ZSignIn>

export const ZChangePassword = z
  .object({
    current: z.string({ error: 'errors.required' }).min(1, { message: 'errors.required' }).max(200),
    next: z
      .string({ error: 'errors.required' })
      .min(12, { message: 'errors.passwordStaff' })
      .max(200, { message: 'errors.tooLong' }),
  })
  .refine((v) => v.current !== v.next, { path: ['next'], message: 'errors.passwordSame' })

export const ZSecondFactorCode = z.object({
  code: z
    .string({ error: 'errors.required' })
    .trim()
    .regex(/^\d{6}$/, { message: 'errors.codeShape' }),
})
export const ZResetSecondFactor = z.object({
  userId: z.string({ error: 'errors.required' }).min(1, { message: 'errors.required' }).max(40),
})
