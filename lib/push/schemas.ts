import { z } from 'zod'

const base64url = (min: number, max: number) =>
  z
    .string({ error: 'errors.required' })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { message: 'errors.invalidValue' })
    .min(min, { message: 'errors.invalidValue' })
    .max(max, { message: 'errors.invalidValue' })

// What the browser's PushSubscription.toJSON() gives, plus a name the user recognises the
// device by. The endpoint is where the worker will POST: https only in production, so a
// subscription cannot point the worker at a service inside the network.
export const ZPushSubscribe = z.object({
  endpoint: z
    .string({ error: 'errors.required' })
    .max(1000, { message: 'errors.tooLong' })
    .refine(
      (v) => {
        try {
          const u = new URL(v)
          return u.protocol === 'https:' || (u.protocol === 'http:' && process.env.NODE_ENV !== 'production')
        } catch {
          return false
        }
      },
      { message: 'errors.invalidValue' },
    ),
  keys: z.object({ p256dh: base64url(80, 100), auth: base64url(16, 32) }),
  deviceName: z.string({ error: 'errors.required' }).trim().min(1, { message: 'errors.required' }).max(60, {
    message: 'errors.tooLong',
  }),
})
export type TPushSubscribe = z.infer<typeof ZPushSubscribe>

export const ZPushDevice = z.object({ id: z.string({ error: 'errors.required' }).min(1).max(40) })
export type TPushDevice = z.infer<typeof ZPushDevice>
