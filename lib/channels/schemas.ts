import { z } from 'zod'

const id = z.string({ error: 'errors.required' }).min(1, { message: 'errors.required' }).max(40)

export const ZBindContact = z.object({ contactId: id, clientId: id })
export type TBindContact = z.infer<typeof ZBindContact>

// A secret field left empty keeps the stored value (it is never shown again).
const secretField = (pattern: RegExp, message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string({ error: message }).trim().regex(pattern, { message }).optional(),
  )

export const ZWecomSettings = z.object({
  apiBase: z
    .string({ error: 'errors.required' })
    .trim()
    .max(200, { message: 'errors.tooLong' })
    .refine(
      (v) => {
        try {
          return ['http:', 'https:'].includes(new URL(v).protocol)
        } catch {
          return false
        }
      },
      { message: 'errors.channelUrl' },
    ),
  corpId: z
    .string({ error: 'errors.required' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'errors.channelId' }),
  openKfId: z
    .string({ error: 'errors.required' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'errors.channelId' }),
  secret: secretField(/^[\x21-\x7e]{8,128}$/, 'errors.channelSecret'),
  // WeCom's callback token: letters and digits, up to 32.
  token: secretField(/^[A-Za-z0-9]{3,32}$/, 'errors.channelToken'),
  aesKey: secretField(/^[A-Za-z0-9]{43}$/, 'errors.channelAesKey'),
})
export type TWecomSettings = z.infer<typeof ZWecomSettings>
