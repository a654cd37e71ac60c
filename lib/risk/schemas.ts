import { z } from 'zod'
import { MAX_ROW_VERSION } from '../form-number'
import { CATEGORIES, LIVING_SERVICES, TRAVEL_SERVICES } from '../requests/schemas'
import { CURRENCIES } from '../vendors/schemas'

export const RISK_RULE_KINDS = ['CATEGORY', 'KEYWORD', 'SPEND', 'DELEGATE', 'MINOR', 'NEW_CONTACT'] as const
export const RISK_SERVICES = [...TRAVEL_SERVICES, ...LIVING_SERVICES] as const

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())

// A number typed into a form, or nothing; one message for every way it can be wrong.
type FormNumber = ReturnType<typeof z.coerce.number>
const optionalNumber = (message: string, range: (n: FormNumber, m: { message: string }) => FormNumber) =>
  z.preprocess(blankToUndefined, range(z.coerce.number({ message }), { message }).optional())

// One form for every kind: the fields a kind needs are required for it, the others ignored.
export const ZRiskRule = z
  .object({
    id: z.preprocess(blankToUndefined, z.string().min(1).max(40).optional()),
    kind: z.enum(RISK_RULE_KINDS, { message: 'errors.invalidValue' }),
    label: z
      .string({ error: 'errors.required' })
      .trim()
      .min(1, { message: 'errors.required' })
      .max(120, { message: 'errors.tooLong' }),
    category: z.preprocess(blankToUndefined, z.enum(CATEGORIES, { message: 'errors.chooseCategory' }).optional()),
    service: z.preprocess(blankToUndefined, z.enum(RISK_SERVICES, { message: 'errors.chooseService' }).optional()),
    // Comma-, semicolon- or line-separated, in either language.
    keywords: z.preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .split(/[,，;；\n]/)
              .map((k) => k.trim())
              .filter(Boolean)
          : (v ?? []),
      z.array(z.string().max(60, { message: 'errors.tooLong' })).max(50, { message: 'errors.tooLong' }),
    ),
    threshold: optionalNumber('errors.cost', (n, m) => n.positive(m).max(100_000_000, m)),
    currency: z.preprocess(blankToUndefined, z.enum(CURRENCIES, { message: 'errors.currency' }).optional()),
    days: optionalNumber('errors.invalidValue', (n, m) => n.int(m).min(1, m).max(365, m)),
    active: checkbox,
    version: z.preprocess(blankToUndefined, z.coerce.number().int().positive().max(MAX_ROW_VERSION).optional()),
  })
  .superRefine((r, ctx) => {
    const need = (field: keyof typeof r, message: string) => {
      const v = r[field]
      if (v === undefined || (Array.isArray(v) && v.length === 0))
        ctx.addIssue({ code: 'custom', path: [field], message })
    }
    if (r.kind === 'CATEGORY') need('category', 'errors.chooseCategory')
    if (r.kind === 'KEYWORD') need('keywords', 'errors.required')
    if (r.kind === 'SPEND') {
      need('threshold', 'errors.cost')
      need('currency', 'errors.currency')
    }
    if (r.kind === 'NEW_CONTACT') need('days', 'errors.invalidValue')
    // A service belongs to one category: TRAVEL's or LIVING's list.
    if (r.kind === 'CATEGORY' && r.service) {
      const list: readonly string[] =
        r.category === 'TRAVEL' ? TRAVEL_SERVICES : r.category === 'LIVING' ? LIVING_SERVICES : []
      if (!list.includes(r.service))
        ctx.addIssue({ code: 'custom', path: ['service'], message: 'errors.chooseService' })
    }
  })
export type TRiskRule = z.infer<typeof ZRiskRule>

export const ZRiskDecision = z
  .object({
    reviewId: z.string().min(1).max(40),
    version: z.coerce.number().int().positive().max(MAX_ROW_VERSION),
    decision: z.enum(['approve', 'decline'], { message: 'errors.invalidValue' }),
    note: z.preprocess(blankToUndefined, z.string().trim().max(1000, { message: 'errors.tooLong' }).optional()),
    // What the client is offered instead ("never say no"); required to decline.
    alternative: z.preprocess(blankToUndefined, z.string().trim().max(1000, { message: 'errors.tooLong' }).optional()),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'decline' && !d.alternative)
      ctx.addIssue({ code: 'custom', path: ['alternative'], message: 'errors.required' })
  })
export type TRiskDecision = z.infer<typeof ZRiskDecision>
