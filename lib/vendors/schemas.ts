import { z } from 'zod'
import { formNumber, rowVersion } from '../form-number'

export const CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR', 'GBP', 'JPY', 'SGD'] as const
// Authority limits are set in this currency; spend in any other needs a supervisor.
export const LIMIT_CURRENCY = 'CNY' as const

const id = z.string().min(1).max(40)

export const ZCreateVendorTask = z.object({
  requestId: id,
  vendorId: z.string({ error: 'errors.chooseVendor' }).min(1, { message: 'errors.chooseVendor' }).max(40),
  description: z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { message: 'errors.required' })
    .max(1000, { message: 'errors.tooLong' }),
  cost: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    formNumber(
      z
        .number({ message: 'errors.cost' })
        .min(0, { message: 'errors.cost' })
        .max(100_000_000, { message: 'errors.cost' })
        .refine((n) => Math.round(n * 100) === n * 100, { message: 'errors.cost' })
        .nullable(),
    ),
  ),
  // Left blank, the client's own currency (lib/vendors/currency.ts).
  currency: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.enum(CURRENCIES, { message: 'errors.currency' }).optional(),
  ),
  dueAt: z
    .string({ error: 'errors.required' })
    .min(1, { message: 'errors.required' })
    .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'errors.invalidDate' }),
})
export type TCreateVendorTask = z.infer<typeof ZCreateVendorTask>

export const ZDecideApproval = z.object({
  taskId: id,
  version: rowVersion,
  approve: z.preprocess((v) => v === true || v === 'true' || v === 'approve', z.boolean()),
})
export type TDecideApproval = z.infer<typeof ZDecideApproval>

export const ZConfirmVendorTask = z.object({
  taskId: id,
  version: rowVersion,
  confirmationRef: z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { message: 'errors.required' })
    .max(200, { message: 'errors.tooLong' }),
})
export type TConfirmVendorTask = z.infer<typeof ZConfirmVendorTask>
