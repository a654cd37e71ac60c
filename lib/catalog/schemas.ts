import { z } from 'zod'
import { formNumber } from '../form-number'

const text = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { message: 'errors.required' })
    .max(max, { message: 'errors.tooLong' })
const optional = (max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(max, { message: 'errors.tooLong' }).optional())
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v)
const CATEGORIES = ['TRAVEL', 'HEALTH', 'EDUCATION', 'LIVING', 'OTHER'] as const

export const ZVendor = z.object({
  id: z.preprocess(blankToNull, z.string().min(1).max(40).nullable()),
  name: text(200),
  kind: z.enum(['car', 'hotel', 'hospital', 'restaurant', 'lounge', 'airline', 'school', 'events', 'other'], {
    message: 'errors.required',
  }),
  city: optional(100),
  contact: optional(200),
  active: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
})
export type TVendor = z.infer<typeof ZVendor>

export const ZChecklistStep = z.object({
  id: z.preprocess(blankToNull, z.string().min(1).max(40).nullable()),
  category: z.enum(CATEGORIES),
  position: formNumber(
    z
      .number({ message: 'errors.position' })
      .int({ message: 'errors.position' })
      .min(0, { message: 'errors.position' })
      .max(99, { message: 'errors.position' }),
  ),
  labelZh: text(200),
  labelEn: text(200),
  active: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
})
export type TChecklistStep = z.infer<typeof ZChecklistStep>

export const ZCannedReply = z.object({
  id: z.preprocess(blankToNull, z.string().min(1).max(40).nullable()),
  category: z.enum(CATEGORIES),
  locale: z.enum(['zh_CN', 'en']),
  title: text(100),
  body: text(2000),
})
export type TCannedReply = z.infer<typeof ZCannedReply>

// Category names and the labels of its detail fields, in both languages. Blank means
// "use the built-in wording".
export const ZCategoryLabels = z.object({
  category: z.enum(CATEGORIES),
  nameZh: text(40),
  nameEn: text(40),
  labels: z
    .record(
      z.string().regex(/^\w+$/),
      z.object({
        zh: z.string().trim().max(60, { message: 'errors.tooLong' }),
        en: z.string().trim().max(60, { message: 'errors.tooLong' }),
      }),
    )
    .default({}),
})
export type TCategoryLabels = z.infer<typeof ZCategoryLabels>
