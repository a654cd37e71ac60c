import { z } from 'zod'

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())

export const ZClientNote = z.object({
  clientId: z.string().min(1).max(40),
  body: z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { message: 'errors.required' })
    .max(2000, { message: 'errors.tooLong' }),
  pinned: checkbox,
})
export type TClientNote = z.infer<typeof ZClientNote>

export const ZNotePin = z.object({ noteId: z.string().min(1).max(40), pinned: checkbox })
export type TNotePin = z.infer<typeof ZNotePin>

const PII_FIELDS = ['phone', 'idDocument', 'familyPhone'] as const
export const ZRevealPii = z.object({
  clientId: z.string().min(1).max(40),
  field: z.enum(PII_FIELDS),
  familyMemberId: z.string().min(1).max(40).optional(),
})
export type TRevealPii = z.infer<typeof ZRevealPii>

const text = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { message: 'errors.required' })
    .max(max, { message: 'errors.tooLong' })
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v)
const optionalId = z.preprocess(blankToNull, z.string().min(1).max(40).nullable())
const isoDate = z
  .string({ error: 'errors.required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'errors.invalidDate' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: 'errors.invalidDate' })

export const ZSettings = z.object({
  language: z.enum(['zh_CN', 'en'], { message: 'errors.required' }),
  timeZone: z
    .string()
    .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', { message: 'errors.timeZone' }),
})
export type TSettings = z.infer<typeof ZSettings>

export const ZPreference = z.object({ id: optionalId, topic: text(60), value: text(300) })
export type TPreference = z.infer<typeof ZPreference>

export const ZFamilyMember = z.object({
  id: optionalId,
  name: text(100),
  relation: text(60),
  birthday: z.preprocess(blankToNull, isoDate.nullable()),
  phone: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^\+?[\d\s-]{6,20}$/, { message: 'errors.phone' })
      .nullable(),
  ),
})
export type TFamilyMember = z.infer<typeof ZFamilyMember>

export const ZKeyDate = z.object({
  id: optionalId,
  kind: z.enum(['BIRTHDAY', 'ANNIVERSARY', 'TRIP', 'OTHER']),
  label: text(100),
  date: isoDate,
  familyMemberId: optionalId,
  recurring: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
})
export type TKeyDate = z.infer<typeof ZKeyDate>

export const ZDeleteById = z.object({ id: z.string().min(1).max(40) })
export type TDeleteById = z.infer<typeof ZDeleteById>

export const ZInviteDelegate = z.object({
  email: z.string({ error: 'errors.required' }).trim().toLowerCase().email({ message: 'errors.email' }).max(254),
  relation: text(60),
})
export type TInviteDelegate = z.infer<typeof ZInviteDelegate>

export const ZAcceptInvitation = z.object({
  token: z.string().min(20).max(100),
  name: text(100),
  password: z
    .string({ error: 'errors.required' })
    .min(10, { message: 'errors.passwordShort' })
    .max(200, { message: 'errors.tooLong' }),
})
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitation>
