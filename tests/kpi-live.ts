// The dashboard KPIs computed directly over the clocks, requests and ratings of a period, as
// lib/kpi/queries.ts computed them before the daily roll-ups (decision 0014): the reference the
// roll-up path must equal (tests/integration/kpi-rollups.test.ts) and the "before" of
// bench:dashboard. One statement each, on the primary.
import { db } from '../lib/db'
import type { Category } from '../lib/generated/prisma/enums'
import type { Period } from '../lib/kpi/queries'

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))

export async function liveFirstResponse(p: Period) {
  const [r] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT count(*) AS total,
           count("metAt") AS answered,
           count(*) FILTER (WHERE "metAt" IS NOT NULL AND "metAt" < "dueAt") AS within,
           count("breachedAt") AS breaches,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM "metAt" - "startedAt")) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM "metAt" - "startedAt")) AS p95
    FROM "SlaTimer"
    WHERE kind = 'FIRST_RESPONSE' AND "startedAt" >= ${p.from} AND "startedAt" < ${p.to}`
  const total = Number(r.total)
  return {
    total,
    answered: Number(r.answered),
    breaches: Number(r.breaches),
    withinShare: total ? Number(r.within) / total : null,
    p50Seconds: n(r.p50),
    p95Seconds: n(r.p95),
  }
}

export async function liveResolutionByCategory(p: Period) {
  const rows = await db.$queryRaw<{ category: Category; count: bigint; p50: number | null; within: bigint }[]>`
    SELECT t.category, count(*) AS count,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM t."metAt" - t."startedAt") - t."pausedMs" / 1000.0) AS p50,
           count(*) FILTER (WHERE t."metAt" < t."dueAt") AS within
    FROM "SlaTimer" t
    WHERE t.kind = 'RESOLUTION' AND t."metAt" >= ${p.from} AND t."metAt" < ${p.to}
    GROUP BY t.category ORDER BY t.category`
  return rows.map((x) => ({
    category: x.category,
    count: Number(x.count),
    p50Seconds: n(x.p50),
    withinShare: Number(x.within) / Number(x.count),
  }))
}

export async function liveFirstContactResolution(p: Period) {
  const [r] = await db.$queryRaw<{ finished: bigint; first: bigint }[]>`
    SELECT count(*) AS finished, count(*) FILTER (WHERE NOT "followedUp") AS first
    FROM "SlaTimer"
    WHERE kind = 'RESOLUTION' AND "metAt" >= ${p.from} AND "metAt" < ${p.to}`
  const finished = Number(r.finished)
  return { finished, firstContact: Number(r.first), share: finished ? Number(r.first) / finished : null }
}

// Ordered by day and category (the original ordered by day only, leaving the order within a
// day to the hash aggregate).
export async function liveCategoryMix(p: Period) {
  const rows = await db.$queryRaw<{ day: Date; category: Category; count: bigint }[]>`
    SELECT date_trunc('day', "createdAt") AS day, category, count(*) AS count
    FROM "ServiceRequest" WHERE "createdAt" >= ${p.from} AND "createdAt" < ${p.to}
    GROUP BY 1, 2 ORDER BY 1, 2`
  return rows.map((x) => ({ day: x.day.toISOString().slice(0, 10), category: x.category, count: Number(x.count) }))
}

export async function liveDelight(p: Period) {
  const [trend, distribution] = await Promise.all([
    db.$queryRaw<{ week: Date; avg: number; count: bigint }[]>`
      SELECT date_trunc('week', "createdAt") AS week, avg(score)::float AS avg, count(*) AS count
      FROM "Rating" WHERE "createdAt" >= ${p.from} AND "createdAt" < ${p.to} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ score: number; count: bigint }[]>`
      SELECT score, count(*) AS count FROM "Rating" WHERE "createdAt" >= ${p.from} AND "createdAt" < ${p.to} GROUP BY 1 ORDER BY 1`,
  ])
  const dist = [1, 2, 3, 4, 5].map((score) => ({
    score,
    count: Number(distribution.find((d) => d.score === score)?.count ?? 0),
  }))
  const total = dist.reduce((s, d) => s + d.count, 0)
  return {
    trend: trend.map((x) => ({
      week: x.week.toISOString().slice(0, 10),
      avg: Math.round(x.avg * 100) / 100,
      count: Number(x.count),
    })),
    distribution: dist,
    average: total ? dist.reduce((s, d) => s + d.score * d.count, 0) / total : null,
  }
}
