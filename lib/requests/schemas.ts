import { z } from 'zod'
import { formNumber, rowVersion } from '../form-number'

// Messages are i18n keys (messages/*.json, "errors" namespace); the action wrapper
// translates them into the viewer's language.
export const CATEGORIES = ['TRAVEL', 'HEALTH', 'EDUCATION', 'LIVING', 'OTHER'] as const
export type TCategory = (typeof CATEGORIES)[number]

const text = (max: number) => z.string({ error: 'errors.required' }).trim().max(max, { message: `errors.tooLong` })
const requiredText = (max: number) => text(max).min(1, { message: 'errors.required' })
const optionalText = (max: number) =>
  text(max)
    .transform((v) => (v === '' ? undefined : v))
    .optional()

export const TRAVEL_SERVICES = ['AIRPORT_TRANSFER', 'FLIGHT', 'HOTEL', 'LOUNGE', 'ITINERARY'] as const
export const LIVING_SERVICES = ['RESTAURANT', 'EVENT', 'GIFT', 'HOUSEHOLD'] as const

const ZTravelDetails = z
  .object({
    service: z.enum(TRAVEL_SERVICES, { message: 'errors.chooseService' }),
    flightNumber: optionalText(10).refine((v) => v === undefined || /^[A-Z0-9]{2}\d{1,4}[A-Z]?$/i.test(v), {
      message: 'errors.flightNumber',
    }),
    passengers: formNumber(
      z
        .number({ message: 'errors.passengers' })
        .int({ message: 'errors.passengers' })
        .min(1, { message: 'errors.passengers' })
        .max(20, { message: 'errors.passengers' }),
    ),
    from: optionalText(200),
    to: optionalText(200),
    // Who travels, picked from the family on the profile (names only).
    travellers: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  })
  // Checked even when another field is wrong, so every missing field is named at once.
  .superRefine(
    (d, ctx) => {
      if (d.service === 'AIRPORT_TRANSFER' && !d.flightNumber) {
        ctx.addIssue({ code: 'custom', path: ['flightNumber'], message: 'errors.flightNumberRequired' })
      }
    },
    { when: () => true },
  )

const ZHealthDetails = z.object({
  hospital: requiredText(200),
  department: requiredText(200),
  patientName: optionalText(100),
})

const ZEducationDetails = z.object({
  studentName: requiredText(100),
  schoolOrProgram: optionalText(200),
})

const ZLivingDetails = z.object({
  service: z.enum(LIVING_SERVICES, { message: 'errors.chooseService' }),
  venue: optionalText(200),
  partySize: z.preprocess(
    (v) => (v === '' ? undefined : v),
    formNumber(
      z
        .number({ message: 'errors.partySize' })
        .int({ message: 'errors.partySize' })
        .min(1, { message: 'errors.partySize' })
        .max(500, { message: 'errors.partySize' })
        .optional(),
    ),
  ),
})

const ZOtherDetails = z.object({})

// The fields each category's form shows, in order; the form and the schema agree on names.
export const categoryFields: Record<TCategory, readonly string[]> = {
  TRAVEL: ['service', 'flightNumber', 'passengers', 'from', 'to'],
  HEALTH: ['hospital', 'department', 'patientName'],
  EDUCATION: ['studentName', 'schoolOrProgram'],
  LIVING: ['service', 'venue', 'partySize'],
  OTHER: [],
}

const version = rowVersion

// A wall time as <input type="datetime-local"> sends it, read in the client's zone.
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/
function isWallTime(v: string) {
  const m = WALL_TIME.exec(v)
  if (!m) return false
  const [, y, mo, d, h, mi] = m.map(Number)
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi))
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && y >= 1970
}
// The schema knows no zone: it refuses a wall time that has passed even at UTC-12, the last
// zone to reach it. The service checks the client's own zone (wantedAtInZone in lifecycle).
const LATEST_OFFSET_MS = 12 * 3_600_000
const pastEverywhere = (v: string) => Date.parse(`${v.slice(0, 16)}:00Z`) + LATEST_OFFSET_MS <= Date.now()

const ZRequestBase = z.object({
  clientId: z.string().min(1).max(40).optional(),
  title: requiredText(120),
  description: optionalText(4000),
  wantedAt: z
    .string({ message: 'errors.invalidDate' })
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isWallTime(v), { message: 'errors.invalidDate' })
    .refine((v) => v === undefined || !pastEverywhere(v), { message: 'errors.wantedInPast' })
    .optional(),
  idempotencyKey: z.string().uuid().optional(),
})

// A category whose form sends no detail fields still gets field-by-field messages.
const orEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? {}, schema)

// Details are validated per category; issues come back as details.<field> paths.
export const ZCreateRequest = z.discriminatedUnion(
  'category',
  [
    ZRequestBase.extend({ category: z.literal('TRAVEL'), details: orEmpty(ZTravelDetails) }),
    ZRequestBase.extend({ category: z.literal('HEALTH'), details: orEmpty(ZHealthDetails) }),
    ZRequestBase.extend({ category: z.literal('EDUCATION'), details: orEmpty(ZEducationDetails) }),
    ZRequestBase.extend({ category: z.literal('LIVING'), details: orEmpty(ZLivingDetails) }),
    ZRequestBase.extend({ category: z.literal('OTHER'), details: orEmpty(ZOtherDetails) }),
  ],
  { error: 'errors.chooseCategory' },
)
export type TCreateRequest = z.infer<typeof ZCreateRequest>

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())

export const ZReply = z.object({
  requestId: z.string().min(1).max(40),
  body: requiredText(4000),
  internal: checkbox,
  idempotencyKey: z.string().uuid().optional(),
})
export type TReply = z.infer<typeof ZReply>

export const ZClientMessage = z.object({
  requestId: z.string().min(1).max(40),
  body: requiredText(4000),
  idempotencyKey: z.string().uuid().optional(),
})
export type TClientMessage = z.infer<typeof ZClientMessage>

export const MANUAL_STATUSES = ['IN_PROGRESS', 'WAITING_CLIENT', 'WAITING_VENDOR', 'FULFILLED', 'CLOSED'] as const

export const ZChangeStatus = z.object({
  requestId: z.string().min(1).max(40),
  status: z.enum(MANUAL_STATUSES, { message: 'errors.invalidTransition' }),
  version,
})
export type TChangeStatus = z.infer<typeof ZChangeStatus>

export const ZTakeRequest = z.object({
  requestId: z.string().min(1).max(40),
  version,
})
export type TTakeRequest = z.infer<typeof ZTakeRequest>

export const ZOnDuty = z.object({ onDuty: checkbox })

export const ZOfferAlternative = z.object({
  requestId: z.string().min(1).max(40),
  version,
  description: requiredText(2000),
})
export type TOfferAlternative = z.infer<typeof ZOfferAlternative>

export const ZDecideAlternative = z.object({
  alternativeId: z.string().min(1).max(40),
  accept: z.preprocess((v) => v === true || v === 'true' || v === 'accept', z.boolean()),
})
export type TDecideAlternative = z.infer<typeof ZDecideAlternative>

export const ZTransfer = z.object({
  requestId: z.string().min(1).max(40),
  version,
  toButlerId: z.string({ error: 'errors.chooseButler' }).min(1, { message: 'errors.chooseButler' }).max(40),
  reason: requiredText(500),
})
export type TTransfer = z.infer<typeof ZTransfer>

export const ZCreateHandoff = z.object({
  requestId: z.string().min(1).max(40),
  team: requiredText(100),
  ownerId: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).max(40).optional()),
  need: requiredText(1000),
  dueAt: z
    .string({ error: 'errors.required' })
    .min(1, { message: 'errors.required' })
    .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'errors.invalidDate' }),
})
export type TCreateHandoff = z.infer<typeof ZCreateHandoff>

export const ZCloseHandoff = z.object({ handoffId: z.string().min(1).max(40) })
export type TCloseHandoff = z.infer<typeof ZCloseHandoff>

export const ZRateRequest = z.object({
  requestId: z.string().min(1).max(40),
  score: formNumber(
    z
      .number({ message: 'errors.score' })
      .int({ message: 'errors.score' })
      .min(1, { message: 'errors.score' })
      .max(5, { message: 'errors.score' }),
  ),
  comment: optionalText(2000),
})
export type TRateRequest = z.infer<typeof ZRateRequest>
