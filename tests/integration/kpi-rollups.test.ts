import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import type { Prisma } from '../../lib/generated/prisma/client'
import type { Category } from '../../lib/generated/prisma/enums'
import { stopProducer } from '../../lib/jobs/boss'
import { parsePeriod } from '../../lib/kpi/period'
import {
  categoryMix,
  delight,
  drillDown,
  firstContactResolution,
  firstResponseKpi,
  resolutionByCategory,
  type DrillKind,
  type Period,
} from '../../lib/kpi/queries'
import { pendingKpiDays, rollupKpiDays } from '../../lib/kpi/rollup'
import { createRequest } from '../../lib/requests/lifecycle'
import { createStaff } from '../factories'
import {
  liveCategoryMix,
  liveDelight,
  liveFirstContactResolution,
  liveFirstResponse,
  liveResolutionByCategory,
} from '../kpi-live'
import { actorFor, teamWithClient, useResponsePolicy } from './helpers'

const DAY = 86_400_000
const CATEGORIES: Category[] = ['TRAVEL', 'HEALTH', 'EDUCATION', 'LIVING', 'OTHER']
const now = new Date()
const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
const dayOf = (d: number) => new Date(today + d * DAY).toISOString().slice(0, 10)
// A day is rolled up only 15 minutes after it ended (SETTLE_MINUTES in lib/kpi/rollup.ts): run
// just after UTC midnight, the roll-ups are taken as of a moment when yesterday has settled.
const settled = () => new Date(Math.max(Date.now(), today + 16 * 60_000))

// A fixed pseudo-random sequence, so a failure can be replayed.
let state = 20261125
const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]

type Supervisor = Awaited<ReturnType<typeof actorFor>>

// Every KPI through the roll-up path and directly over the rows, for one period.
async function bothWays(actor: Supervisor, p: Period) {
  const [a, b] = await Promise.all([
    Promise.all([
      firstResponseKpi(actor, p),
      resolutionByCategory(actor, p),
      firstContactResolution(actor, p),
      categoryMix(actor, p),
      delight(actor, p),
    ]),
    Promise.all([
      liveFirstResponse(p),
      liveResolutionByCategory(p),
      liveFirstContactResolution(p),
      liveCategoryMix(p),
      liveDelight(p),
    ]),
  ])
  return { rolledUp: a, direct: b }
}

const rolledDays = async (p: Period) =>
  Number(
    (
      await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) FILTER (WHERE rolled) AS n FROM kpi_plan(${p.from}::timestamptz, ${p.to}::timestamptz)`
    )[0].n,
  )
const dirtyDays = async () =>
  (await db.kpiDirtyDay.findMany({ orderBy: { day: 'asc' } })).map((d) => d.day.toISOString().slice(0, 10))

describe('daily KPI roll-ups', () => {
  let supervisor: Supervisor
  let periods: { name: string; period: Period }[]
  const requests: { id: string; created: Date; resolved: Date | null; rated: boolean }[] = []

  beforeAll(async () => {
    const team = await teamWithClient('Rollup')
    supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id)
    // Nine UTC days of history up to a little before now: requests at any time of day, first
    // answers from a few repeated values (ties) and random ones, some never answered or
    // breached; resolutions from minutes to hours, some still open, some with paused time longer
    // than the clock ran (a negative figure the medians must order too); follow-ups; ratings.
    const last = now.getTime() - 10 * 60_000
    for (let d = -8; d <= 0; d++) {
      for (let i = 0; i < 40; i++) {
        const created = new Date(Math.min(last, today + d * DAY + Math.floor(rand() * DAY)))
        const id = `rollup-${d + 8}-${i}`
        const category = pick(CATEGORIES)
        const secs = rand() < 0.5 ? pick([30, 45, 60, 60, 90, 120, 179.999, 180, 240]) : 10 + rand() * 200
        const answered = i % 13 === 0 ? null : new Date(created.getTime() + Math.round(secs * 1000))
        const frDue = new Date(created.getTime() + 180_000)
        const took = rand() < 0.2 ? pick([600_000, 3_600_000, 3_600_000]) : Math.floor(rand() * 6 * 3_600_000)
        const resolvedAt = i % 11 === 0 ? null : new Date(created.getTime() + took)
        const resolved = resolvedAt && resolvedAt.getTime() < last ? resolvedAt : null
        const rated = !!resolved && i % 3 === 0 && resolved.getTime() + 3_600_000 < last
        await db.serviceRequest.create({
          data: {
            id,
            clientId: team.client.clientId,
            createdById: team.client.userId,
            category,
            title: `History ${d} ${i}`,
            status: resolved ? 'CLOSED' : 'IN_PROGRESS',
            createdAt: created,
            closedAt: resolved,
          },
        })
        await db.slaTimer.createMany({
          data: [
            {
              requestId: id,
              kind: 'FIRST_RESPONSE',
              startedAt: created,
              dueAt: frDue,
              metAt: answered && answered.getTime() < last ? answered : null,
              breachedAt: !answered || answered >= frDue ? frDue : null,
            },
            {
              requestId: id,
              kind: 'RESOLUTION',
              startedAt: created,
              dueAt: new Date(created.getTime() + 4 * 3_600_000),
              metAt: resolved,
              pausedMs: i % 5 === 0 ? Math.floor(rand() * 2 * 3_600_000) : 0,
            },
          ],
        })
        if (i % 4 === 0)
          await db.slaTimer.create({
            data: {
              requestId: id,
              kind: 'NEXT_RESPONSE',
              startedAt: new Date(created.getTime() + 300_000),
              dueAt: new Date(created.getTime() + 480_000),
            },
          })
        if (rated)
          await db.rating.create({
            data: {
              requestId: id,
              score: 1 + Math.floor(rand() * 5),
              createdAt: new Date(resolved.getTime() + 3_600_000),
            },
          })
        requests.push({ id, created, resolved, rated })
      }
    }
    const zoned = (zone: string, from?: string, to?: string) => parsePeriod(from, to, zone, now).period
    periods = [
      { name: 'the last 30 days to the minute', period: { from: new Date(now.getTime() - 30 * DAY), to: now } },
      { name: 'default 30 days, UTC', period: zoned('UTC') },
      { name: 'default 30 days, Shanghai', period: zoned('Asia/Shanghai') },
      { name: 'default 30 days, New York', period: zoned('America/New_York') },
      { name: 'default 30 days, Kathmandu (+5:45)', period: zoned('Asia/Kathmandu') },
      { name: 'five past days, UTC', period: zoned('UTC', dayOf(-6), dayOf(-2)) },
      { name: 'five past days, Shanghai', period: zoned('Asia/Shanghai', dayOf(-6), dayOf(-2)) },
      { name: 'one past day, London', period: zoned('Europe/London', dayOf(-3), dayOf(-3)) },
      {
        name: 'three hours of a past day',
        period: { from: new Date(today - 3 * DAY + 2 * 3_600_000), to: new Date(today - 3 * DAY + 5 * 3_600_000) },
      },
      { name: 'into the future', period: { from: new Date(today - 5 * DAY), to: new Date(today + 2 * DAY) } },
      { name: 'empty', period: { from: new Date(today - 4 * DAY), to: new Date(today - 4 * DAY) } },
    ]
  })
  afterAll(stopProducer)

  it('reads whole past days from the roll-ups the worker keeps, and answers exactly as the live computation', async () => {
    // Nothing rolled up yet: every period is computed live, and equals the direct queries.
    for (const { name, period } of periods) {
      const { rolledUp, direct } = await bothWays(supervisor, period)
      expect(rolledUp, name).toStrictEqual(direct)
    }
    expect(await pendingKpiDays(settled())).toContain(dayOf(-2))

    const { rolled } = await rollupKpiDays({ now: settled() })
    expect(rolled).toBeGreaterThanOrEqual(7)
    expect(await pendingKpiDays(settled())).toEqual([])
    expect(await dirtyDays()).toEqual([])
    expect(await db.kpiDay.count({ where: { day: new Date(today) } })).toBe(0) // today stays live

    for (const { name, period } of periods) {
      const { rolledUp, direct } = await bothWays(supervisor, period)
      expect(rolledUp, name).toStrictEqual(direct)
    }
    // The roll-ups were really read: the past periods are made of rolled-up days.
    expect(await rolledDays(periods[5].period)).toBe(5)
    expect(await rolledDays(periods[1].period)).toBeGreaterThanOrEqual(7)
    // And the figures are not trivially empty.
    const sample = await bothWays(supervisor, periods[1].period)
    expect(sample.direct[0].total).toBe(360)
    expect(sample.direct[0].p95Seconds).not.toBeNull()
    expect(sample.direct[1]).toHaveLength(5)
    expect(sample.direct[4].distribution.some((d) => d.count > 0)).toBe(true)
  })

  it('a late change to an old day is read live until the worker rolls that day up again', async () => {
    await rollupKpiDays({ now: settled() })
    const twoDaysAgo = requests.filter(
      (r) =>
        r.resolved &&
        r.resolved.toISOString().slice(0, 10) === dayOf(-2) &&
        r.created.toISOString().slice(0, 10) === dayOf(-2),
    )
    // The client writes again on a request resolved two days ago: a next-response clock, so that
    // resolution no longer counts as first-contact.
    const chased = twoDaysAgo.find((r) => Number(r.id.split('-')[2]) % 4 !== 0)!
    await db.slaTimer.create({
      data: {
        requestId: chased.id,
        kind: 'NEXT_RESPONSE',
        startedAt: new Date(),
        dueAt: new Date(Date.now() + 180_000),
      },
    })
    // A rating recorded late, dated two days ago, on a request resolved then.
    const unrated = twoDaysAgo.find((r) => !r.rated && r.resolved!.getTime() + 3_600_000 < today - DAY)!
    await db.rating.create({
      data: { requestId: unrated.id, score: 1, createdAt: new Date(unrated.resolved!.getTime() + 3_600_000) },
    })
    // A butler corrects the category of a request made three days ago.
    const recategorised = requests.find((r) => r.created.toISOString().slice(0, 10) === dayOf(-3))!
    const before = await db.serviceRequest.findUniqueOrThrow({ where: { id: recategorised.id } })
    await db.serviceRequest.update({
      where: { id: recategorised.id },
      data: { category: before.category === 'HEALTH' ? 'TRAVEL' : 'HEALTH' },
    })

    const marked = await dirtyDays()
    expect(marked).toContain(dayOf(-2))
    expect(marked).toContain(dayOf(-3))
    // The stored roll-up of two days ago is stale now (it still counts the chased request as
    // first-contact)...
    const stored = await db.kpiResolutionDay.aggregate({
      where: { day: new Date(today - 2 * DAY) },
      _sum: { firstContact: true },
    })
    const actual = await liveFirstContactResolution({ from: new Date(today - 2 * DAY), to: new Date(today - DAY) })
    expect(stored._sum.firstContact).toBe(actual.firstContact + 1)
    // ...but the dashboards do not read it: those days are computed live meanwhile.
    expect(await rolledDays(periods[5].period)).toBe(3)
    for (const { name, period } of periods) {
      const { rolledUp, direct } = await bothWays(supervisor, period)
      expect(rolledUp, name).toStrictEqual(direct)
    }

    // The worker's next pass rolls exactly those days up again.
    const { pending, rolled } = await rollupKpiDays({ now: settled() })
    expect(pending).toBe(marked.length)
    expect(rolled).toBe(marked.length)
    expect(await dirtyDays()).toEqual([])
    expect(await rolledDays(periods[5].period)).toBe(5)
    for (const { name, period } of periods) {
      const { rolledUp, direct } = await bothWays(supervisor, period)
      expect(rolledUp, name).toStrictEqual(direct)
    }
  })

  it('the drill-downs list the same requests as before their partial indexes', async () => {
    const { period } = periods[1]
    const inPeriod = { gte: period.from, lt: period.to }
    const ids = async (where: Prisma.ServiceRequestWhereInput) =>
      (
        await db.serviceRequest.findMany({ where, orderBy: { createdAt: 'desc' }, take: 500, select: { id: true } })
      ).map((r) => r.id)
    const listed = async (kind: DrillKind) => (await drillDown(supervisor, period, kind)).map((r) => r.id)
    const chased = await ids({
      timers: { some: { kind: 'NEXT_RESPONSE' } },
      AND: [{ timers: { some: { kind: 'RESOLUTION', metAt: inPeriod } } }],
    })
    expect(chased.length).toBeGreaterThan(20)
    expect(await listed('fcrMissed')).toEqual(chased)
    const breached = await ids({
      timers: { some: { kind: 'FIRST_RESPONSE', startedAt: inPeriod, breachedAt: { not: null } } },
    })
    expect(breached.length).toBeGreaterThan(20)
    expect(await listed('breached')).toEqual(breached)
    expect(await listed('late')).toEqual(
      await ids({
        timers: {
          some: { kind: 'FIRST_RESPONSE', startedAt: inPeriod, OR: [{ metAt: null }, { breachedAt: { not: null } }] },
        },
      }),
    )
  })

  it("today's writes mark nothing and leave the roll-ups alone; a day rolled up twice is the same", async () => {
    await useResponsePolicy(180)
    const { clientActor } = await teamWithClient('Today')
    await createRequest(clientActor, {
      category: 'TRAVEL',
      title: 'Lounge',
      details: { service: 'LOUNGE', passengers: 1 },
    })
    expect(await dirtyDays()).toEqual([])

    const snapshot = () =>
      db.$queryRaw<{ t: string }[]>`
        SELECT (SELECT json_agg(s ORDER BY s.bucket) FROM "KpiResolutionSpread" s WHERE s.day = ${dayOf(-4)}::date)::text
            || (SELECT json_agg(d ORDER BY d.category) FROM "KpiResolutionDay" d WHERE d.day = ${dayOf(-4)}::date)::text AS t`
    const first = await snapshot()
    await db.$executeRaw`SELECT kpi_rollup_day(${dayOf(-4)}::date)`
    expect(await snapshot()).toEqual(first)
  })
})
