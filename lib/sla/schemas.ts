import { z } from 'zod'
import { formNumber, rowVersion } from '../form-number'

const KINDS = ['FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION', 'VENDOR_TASK', 'HANDOFF'] as const
const CATEGORIES = ['TRAVEL', 'HEALTH', 'EDUCATION', 'LIVING', 'OTHER'] as const
const TIERS = ['DIAMOND', 'BLACK_DIAMOND', 'PRIVATE'] as const

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v)
// The admin form gives a time as an amount and a unit ({ amount: '3', unit: 'min' }, "1.5" hours);
// JSON callers and the database speak seconds. A blank amount is no value.
const UNIT_SECONDS: Record<string, number> = { min: 60, h: 3600 }
const DECIMAL = /^\d{1,7}(\.\d{1,3})?$/
const fromAmountAndUnit = (v: unknown) => {
  if (!v || typeof v !== 'object' || !('amount' in v) || !('unit' in v)) return v
  const { amount, unit } = v as { amount: unknown; unit: unknown }
  if (typeof amount !== 'string' || amount.trim() === '') return null
  const per = typeof unit === 'string' ? UNIT_SECONDS[unit] : undefined
  return per && DECIMAL.test(amount.trim()) ? Math.round(Number(amount.trim()) * per) : amount
}
const seconds = z.preprocess(
  fromAmountAndUnit,
  formNumber(
    z
      .number({ message: 'errors.seconds' })
      .int({ message: 'errors.seconds' })
      .min(1, { message: 'errors.seconds' })
      .max(30 * 86400, { message: 'errors.seconds' }),
  ),
)
const version = rowVersion

export const ZSlaPolicy = z
  .object({
    id: z.preprocess(blankToNull, z.string().min(1).max(40).nullable()),
    version: z.preprocess(blankToNull, version.nullable()),
    kind: z.enum(KINDS, { message: 'errors.required' }),
    category: z.preprocess(blankToNull, z.enum(CATEGORIES).nullable()),
    tier: z.preprocess(blankToNull, z.enum(TIERS).nullable()),
    targetSeconds: seconds,
    atRiskSeconds: z.preprocess((v) => blankToNull(fromAmountAndUnit(v)), seconds.nullable()),
    handoffSeconds: z.preprocess((v) => blankToNull(fromAmountAndUnit(v)), seconds.nullable()),
  })
  .superRefine((p, ctx) => {
    if (p.atRiskSeconds !== null && p.atRiskSeconds >= p.targetSeconds) {
      ctx.addIssue({ code: 'custom', path: ['atRiskSeconds'], message: 'errors.beforeTarget' })
    }
    if (p.handoffSeconds !== null && p.handoffSeconds >= p.targetSeconds) {
      ctx.addIssue({ code: 'custom', path: ['handoffSeconds'], message: 'errors.beforeTarget' })
    }
    if (p.atRiskSeconds !== null && p.handoffSeconds !== null && p.handoffSeconds < p.atRiskSeconds) {
      ctx.addIssue({ code: 'custom', path: ['handoffSeconds'], message: 'errors.handoffAfterRisk' })
    }
  })
export type TSlaPolicy = z.infer<typeof ZSlaPolicy>

export const ZPolicyRef = z.object({ id: z.string().min(1).max(40), version })
export type TPolicyRef = z.infer<typeof ZPolicyRef>
