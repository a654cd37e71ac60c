import fc from 'fast-check'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'

// Every zod schema exported from lib/**/schemas.ts, against generated garbage: parsing never
// throws, and every refusal carries messages a person can read (our keys or zod's text).
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'generated'
        ? []
        : files(path.join(dir, e.name))
      : e.name === 'schemas.ts'
        ? [path.join(dir, e.name)]
        : [],
  )

describe('schemas under fuzz', () => {
  it('refuse malformed input cleanly, 10,000+ inputs in all', async () => {
    const schemas: [string, z.ZodType][] = []
    for (const f of files('lib')) {
      const mod = await import(path.resolve(f))
      for (const [name, v] of Object.entries(mod))
        if (name.startsWith('Z') && v && typeof (v as z.ZodType).safeParse === 'function')
          schemas.push([name, v as z.ZodType])
    }
    expect(schemas.length).toBeGreaterThan(30)
    let runs = 0
    for (const [name, schema] of schemas) {
      fc.assert(
        fc.property(fc.anything(), (input) => {
          const r = schema.safeParse(input)
          runs++
          if (!r.success) {
            expect(r.error.issues.length, name).toBeGreaterThan(0)
            for (const issue of r.error.issues) expect(issue.message.length, name).toBeGreaterThan(0)
          }
        }),
        { numRuns: Math.ceil(10_000 / schemas.length) + 50 },
      )
    }
    expect(runs).toBeGreaterThanOrEqual(10_000)
  })
})

// Numbers must be numbers: a decimal string (as a form sends it) or a number, never a boolean,
// an array, an object or a string with anything else in it (z.coerce let all of these through).
describe('number fields refuse wrong types', () => {
  const WRONG = [true, false, [5], ['5'], { n: 5 }, '5abc', '0x10', '1e3', ' ', '', 'Infinity', 'NaN', null]

  const cases: [string, () => Promise<z.ZodType>, (v: unknown) => unknown, unknown][] = [
    [
      'request passengers',
      async () => (await import('../../lib/requests/schemas')).ZCreateRequest,
      (v) => ({ category: 'TRAVEL', title: 'Car', details: { service: 'HOTEL', passengers: v } }),
      '2',
    ],
    [
      'request party size',
      async () => (await import('../../lib/requests/schemas')).ZCreateRequest,
      (v) => ({ category: 'LIVING', title: 'Dinner', details: { service: 'RESTAURANT', partySize: v } }),
      '4',
    ],
    [
      'rating score',
      async () => (await import('../../lib/requests/schemas')).ZRateRequest,
      (v) => ({ requestId: 'r1', score: v }),
      '5',
    ],
    [
      'status version',
      async () => (await import('../../lib/requests/schemas')).ZChangeStatus,
      (v) => ({ requestId: 'r1', status: 'CLOSED', version: v }),
      '3',
    ],
    [
      'review score',
      async () => (await import('../../lib/quality/schemas')).ZScoreReview,
      (v) => ({
        reviewId: 'q1',
        timeliness: v,
        courtesy: '5',
        accuracy: '5',
        completeness: '5',
        proactivity: '5',
      }),
      '4',
    ],
    [
      'shift hours',
      async () => (await import('../../lib/roster/schemas')).ZShift,
      (v) => ({ butlerId: 'b1', day: '2030-01-01', startHour: '8', hours: v, isBackup: '' }),
      '8',
    ],
    [
      'authority limit',
      async () => (await import('../../lib/staff/schemas')).ZAuthorityLimit,
      (v) => ({ butlerId: 'b1', limit: v }),
      '2500.50',
    ],
    [
      'checklist position',
      async () => (await import('../../lib/catalog/schemas')).ZChecklistStep,
      (v) => ({ id: '', category: 'TRAVEL', position: v, labelZh: '步骤', labelEn: 'Step', active: 'on' }),
      '0',
    ],
    [
      'SLA target',
      async () => (await import('../../lib/sla/schemas')).ZSlaPolicy,
      (v) => ({ id: '', version: '', kind: 'FIRST_RESPONSE', category: '', tier: '', targetSeconds: v }),
      '180',
    ],
    [
      'vendor task version',
      async () => (await import('../../lib/vendors/schemas')).ZConfirmVendorTask,
      (v) => ({ taskId: 't1', version: v, confirmationRef: 'ABC' }),
      '1',
    ],
  ]

  it.each(cases)(
    '%s: accepts the form string and the number, refuses every wrong type',
    async (_, load, shape, good) => {
      const schema = await load()
      expect(schema.safeParse(shape(good)).success).toBe(true)
      expect(schema.safeParse(shape(Number(good))).success).toBe(true)
      for (const bad of WRONG) {
        const r = schema.safeParse(shape(bad))
        // Party size is optional: blank means "not given", everything else wrong is refused.
        if (bad === '' && _ === 'request party size') continue
        expect(r.success, `${_} accepted ${JSON.stringify(bad)}`).toBe(false)
      }
    },
  )

  it('keeps the number a form sent, as a number', async () => {
    const { ZCreateRequest } = await import('../../lib/requests/schemas')
    const r = ZCreateRequest.parse({
      category: 'TRAVEL',
      title: 'Car',
      details: { service: 'HOTEL', passengers: ' 3 ' },
    })
    expect(r.details).toMatchObject({ passengers: 3 })
  })
})

// A wanted time is a real wall time ahead of now; the client's zone is checked by the service
// (lib/requests/wanted-at.ts), the schema refuses what has passed in every zone.
describe('wanted times', () => {
  const base = { category: 'OTHER', title: 'Tickets', details: {} }
  const wall = (d: Date) => d.toISOString().slice(0, 16)

  it('refuses a date long past, impossible dates and other shapes', async () => {
    const { ZCreateRequest } = await import('../../lib/requests/schemas')
    for (const wantedAt of [
      '2001-01-01',
      '2001-01-01T09:00',
      '2030-02-30T10:00',
      '2030-13-01T10:00',
      'tomorrow',
      true,
      5,
      ['2030-01-01T10:00'],
    ]) {
      expect(ZCreateRequest.safeParse({ ...base, wantedAt }).success, String(wantedAt)).toBe(false)
    }
    const past = ZCreateRequest.safeParse({ ...base, wantedAt: '2001-01-01T09:00' })
    expect(past.success ? [] : past.error.issues.map((i) => i.message)).toContain('errors.wantedInPast')
  })

  it('accepts a future wall time and a blank field', async () => {
    const { ZCreateRequest } = await import('../../lib/requests/schemas')
    expect(ZCreateRequest.safeParse({ ...base, wantedAt: wall(new Date(Date.now() + 86_400_000)) }).success).toBe(true)
    expect(ZCreateRequest.safeParse({ ...base, wantedAt: '' }).success).toBe(true)
  })

  it('checks the client zone in the service: an hour ago in Shanghai is refused next to the field', async () => {
    const { wantedAtInZone } = await import('../../lib/requests/wanted-at')
    const shanghaiWall = (ms: number) => new Date(Date.now() + ms + 8 * 3_600_000).toISOString().slice(0, 16)
    // Still ahead at UTC-12, so the schema lets it through; in Shanghai it has passed.
    expect(() => wantedAtInZone(shanghaiWall(-3_600_000), 'Asia/Shanghai')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', messageKey: 'errors.wantedInPast', field: 'wantedAt' }),
    )
    expect(wantedAtInZone(shanghaiWall(3_600_000), 'Asia/Shanghai').getTime()).toBeGreaterThan(Date.now())
  })
})
