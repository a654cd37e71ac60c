import 'server-only'
import { Prisma } from '../generated/prisma/client'
import { readDb } from '../db'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import type { Category } from '../generated/prisma/enums'
import { REQUEST_HEADLINE, requestHeadline } from '../requests/queries'

export type Period = { from: Date; to: Date }

const requireSupervisor = (actor: Actor) => {
  assertCan(actor, 'team.lead')
}
const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))

// Every KPI below reads a period as the roll-ups of its whole UTC days plus the rest computed
// live (today, the partial days at its edges, days not rolled up yet or changed since): see
// lib/kpi/rollup.ts and decision 0014. Each is one statement, so one snapshot, and gives exactly
// what the same query over the clocks themselves gives, medians included.
const plan = (p: Period) => Prisma.sql`
  plan AS MATERIALIZED (SELECT * FROM kpi_plan(${p.from}::timestamptz, ${p.to}::timestamptz))`
// A roll-up table's rows of the plan's day, looked up by key (LATERAL ... OFFSET 0: one index
// lookup per day, whatever the planner guesses about the table).
const rolledDay = (table: string) => Prisma.raw(`LATERAL (SELECT * FROM "${table}" r WHERE r.day = plan.day OFFSET 0)`)

// Exact percentiles (as percentile_cont computes them) from "hist" (grp, bucket, n: how many
// values each value bucket holds) and "vals" (grp, bucket, v, c: the values of the buckets in
// "target", with multiplicities; a value may come in several rows, from several days). "ranks": the rows percentile_cont reads, floor and ceil of
// p * (N - 1) in float8 as it does; "target": the buckets holding them; "result": the value
// interpolated as percentile_cont does (lo + (pos - floor(pos)) * (hi - lo)).
const percentileRanks = (percentiles: number[]) => Prisma.sql`
  cum AS (
    SELECT grp, bucket, n::bigint AS n, (sum(n) OVER (PARTITION BY grp ORDER BY bucket) - n)::bigint AS below,
           (sum(n) OVER (PARTITION BY grp))::bigint AS total
    FROM hist
  ),
  ranks AS (
    SELECT g.grp, q.p, q.p * (g.total - 1)::float8 AS pos, r.r
    FROM (SELECT DISTINCT grp, total FROM cum) g
    CROSS JOIN unnest(${percentiles}::float8[]) q(p)
    CROSS JOIN LATERAL (VALUES (floor(q.p * (g.total - 1)::float8)::bigint),
                               (ceil(q.p * (g.total - 1)::float8)::bigint)) r(r)
  ),
  target AS (
    SELECT DISTINCT c.grp, c.bucket, c.below
    FROM ranks r JOIN cum c ON c.grp = r.grp AND r.r >= c.below AND r.r < c.below + c.n
  )`
const percentileResult = Prisma.sql`
  ordered AS MATERIALIZED (
    SELECT v.grp, v.v, v.c,
           t.below + sum(v.c) OVER (PARTITION BY v.grp, v.bucket ORDER BY v.v ROWS UNBOUNDED PRECEDING) - v.c AS first
    FROM vals v JOIN target t ON t.grp = v.grp AND t.bucket = v.bucket
  ),
  picked AS (
    SELECT r.grp, r.p, r.pos, min(o.v) AS lo, max(o.v) AS hi
    FROM ranks r, LATERAL (SELECT o.v FROM ordered o
                           WHERE o.grp = r.grp AND o.first <= r.r AND r.r < o.first + o.c) o
    GROUP BY 1, 2, 3
  ),
  result AS (
    SELECT grp, p, CASE WHEN floor(pos) = pos THEN lo ELSE lo + ((pos - floor(pos)) * (hi - lo)) END AS v
    FROM picked
  )`

// First response, measured over clocks started in the period. An unanswered clock counts
// against the 3-minute share: the promise is about every request, not the answered ones.
export async function firstResponseKpi(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const [r] = await readDb.$queryRaw<Record<string, unknown>[]>`
    WITH ${plan(p)},
    live AS MATERIALIZED (
      SELECT f.* FROM plan, kpi_first_response_facts(plan.lo, plan.hi) f WHERE NOT plan.rolled),
    days AS MATERIALIZED (
      SELECT d.* FROM plan, ${rolledDay('KpiFirstResponseDay')} d WHERE plan.rolled),
    hist AS (
      SELECT 0 AS grp, bucket, sum(n) AS n FROM (
        SELECT u.bucket, u.n FROM days d, unnest(d.buckets, d."bucketCounts") u(bucket, n)
        UNION ALL
        SELECT kpi_bucket(v), count(*) FROM live WHERE v IS NOT NULL GROUP BY 1) x
      GROUP BY bucket),
    ${percentileRanks([0.5, 0.95])},
    vals AS (
      SELECT t.grp, t.bucket, u.v, u.c
      FROM target t, plan,
      LATERAL (SELECT s.vals, s.cnts FROM "KpiFirstResponseSpread" s
               WHERE s.day = plan.day AND s.bucket = t.bucket OFFSET 0) s, unnest(s.vals, s.cnts) u(v, c)
      WHERE plan.rolled
      UNION ALL
      SELECT t.grp, t.bucket, l.v, 1 FROM live l JOIN target t ON t.bucket = kpi_bucket(l.v)),
    ${percentileResult}
    SELECT (SELECT coalesce(sum(total), 0) FROM days) + (SELECT count(*) FROM live) AS total,
           (SELECT coalesce(sum(answered), 0) FROM days) + (SELECT count(v) FROM live) AS answered,
           (SELECT coalesce(sum(within), 0) FROM days) + (SELECT count(*) FILTER (WHERE within) FROM live) AS within,
           (SELECT coalesce(sum(breaches), 0) FROM days) + (SELECT count(*) FILTER (WHERE breached) FROM live) AS breaches,
           (SELECT v FROM result WHERE p = 0.5) AS p50,
           (SELECT v FROM result WHERE p = 0.95) AS p95`
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

// Resolution clocks met in the period, by category (the KPI's own clocks' roll-ups and the live
// rest, as everywhere here).
const resolutionParts = (p: Period) => Prisma.sql`
    ${plan(p)},
    live AS MATERIALIZED (
      SELECT f.category AS grp, f.v, f.within, f.first_contact
      FROM plan, kpi_resolution_facts(plan.lo, plan.hi) f WHERE NOT plan.rolled),
    days AS MATERIALIZED (
      SELECT d.category AS grp, d.* FROM plan, ${rolledDay('KpiResolutionDay')} d WHERE plan.rolled)`

export async function resolutionByCategory(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const rows = await readDb.$queryRaw<{ category: Category; count: bigint; p50: number | null; within: bigint }[]>`
    WITH ${resolutionParts(p)},
    counts AS (
      SELECT grp, sum(count)::bigint AS count, sum(within)::bigint AS within FROM (
        SELECT grp, count, within FROM days
        UNION ALL
        SELECT grp, count(*), count(*) FILTER (WHERE within) FROM live GROUP BY grp) x
      GROUP BY grp),
    hist AS (
      SELECT grp, bucket, sum(n) AS n FROM (
        SELECT d.grp, u.bucket, u.n FROM days d, unnest(d.buckets, d."bucketCounts") u(bucket, n)
        UNION ALL
        SELECT grp, kpi_bucket(v), count(*) FROM live GROUP BY 1, 2) x
      GROUP BY grp, bucket),
    ${percentileRanks([0.5])},
    vals AS (
      SELECT t.grp, t.bucket, u.v, u.c
      FROM target t, plan,
      LATERAL (SELECT s.vals, s.cnts FROM "KpiResolutionSpread" s
               WHERE s.day = plan.day AND s.category = t.grp AND s.bucket = t.bucket OFFSET 0) s,
      unnest(s.vals, s.cnts) u(v, c)
      WHERE plan.rolled
      UNION ALL
      SELECT t.grp, t.bucket, l.v, 1 FROM live l JOIN target t ON t.grp = l.grp AND t.bucket = kpi_bucket(l.v)),
    ${percentileResult}
    SELECT c.grp AS category, c.count, c.within, r.v AS p50
    FROM counts c LEFT JOIN result r ON r.grp = c.grp
    ORDER BY c.grp`
  return rows.map((x) => ({
    category: x.category,
    count: Number(x.count),
    p50Seconds: n(x.p50),
    withinShare: Number(x.within) / Number(x.count),
  }))
}

// First-contact resolution: finished requests the client never had to chase (no client
// message after the first answer, i.e. no next-response clock: "followedUp", kept by a trigger).
export async function firstContactResolution(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const [r] = await readDb.$queryRaw<{ finished: bigint; first: bigint }[]>`
    WITH ${resolutionParts(p)}
    SELECT (SELECT coalesce(sum(count), 0) FROM days) + (SELECT count(*) FROM live) AS finished,
           (SELECT coalesce(sum("firstContact"), 0) FROM days)
             + (SELECT count(*) FILTER (WHERE first_contact) FROM live) AS first`
  const finished = Number(r.finished)
  return { finished, firstContact: Number(r.first), share: finished ? Number(r.first) / finished : null }
}

// Requests created in the period, by UTC day and category.
export async function categoryMix(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const rows = await readDb.$queryRaw<{ day: Date; category: Category; count: bigint }[]>`
    WITH ${plan(p)}
    SELECT day, category, sum(count)::bigint AS count FROM (
      SELECT d.day, d.category, d.count FROM plan, ${rolledDay('KpiRequestDay')} d WHERE plan.rolled
      UNION ALL
      SELECT plan.day, f.category, count(*) FROM plan, kpi_request_facts(plan.lo, plan.hi) f
      WHERE NOT plan.rolled GROUP BY 1, 2) x
    GROUP BY day, category ORDER BY day, category`
  return rows.map((x) => ({ day: x.day.toISOString().slice(0, 10), category: x.category, count: Number(x.count) }))
}

// Ratings given in the period: the weekly trend (UTC weeks from Monday) and the spread of scores.
// The average is PostgreSQL's avg(): the numeric sum over the count, then a float.
export async function delight(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const rows = await readDb.$queryRaw<{ week: Date | null; score: number | null; avg: number | null; count: bigint }[]>`
    WITH ${plan(p)},
    per_day AS (
      SELECT d.day, d.score, d.count FROM plan, ${rolledDay('KpiRatingDay')} d WHERE plan.rolled
      UNION ALL
      SELECT plan.day, f.score, count(*) FROM plan, kpi_rating_facts(plan.lo, plan.hi) f
      WHERE NOT plan.rolled GROUP BY 1, 2)
    SELECT date_trunc('week', day::timestamp) AT TIME ZONE 'UTC' AS week, NULL::int AS score,
           (sum(score * count)::numeric / sum(count)::numeric)::float8 AS avg, sum(count)::bigint AS count
    FROM per_day GROUP BY 1
    UNION ALL
    SELECT NULL, score, NULL, sum(count)::bigint FROM per_day GROUP BY score
    ORDER BY 1, 2`
  const trend = rows.filter((x) => x.week !== null)
  const dist = [1, 2, 3, 4, 5].map((score) => ({
    score,
    count: Number(rows.find((d) => d.week === null && d.score === score)?.count ?? 0),
  }))
  const total = dist.reduce((s, d) => s + d.count, 0)
  return {
    trend: trend.map((x) => ({
      week: x.week!.toISOString().slice(0, 10),
      avg: Math.round(x.avg! * 100) / 100,
      count: Number(x.count),
    })),
    distribution: dist,
    average: total ? dist.reduce((s, d) => s + d.score * d.count, 0) / total : null,
  }
}

// Voice of the customer: rating comments, searchable by category, butler and text.
export async function comments(actor: Actor, p: Period, f: { category?: Category; butlerId?: string; q?: string }) {
  requireSupervisor(actor)
  const rows = await readDb.rating.findMany({
    where: {
      createdAt: { gte: p.from, lt: p.to },
      comment: { not: null },
      ...(f.q ? { comment: { contains: f.q, mode: 'insensitive' } } : {}),
      request: { ...(f.category ? { category: f.category } : {}), ...(f.butlerId ? { assigneeId: f.butlerId } : {}) },
    },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true,
      score: true,
      comment: true,
      createdAt: true,
      request: {
        select: { id: true, number: true, title: true, category: true, assignee: { select: { name: true } } },
      },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    score: r.score,
    comment: r.comment!,
    createdAt: r.createdAt.toISOString(),
    requestId: r.request.id,
    requestNumber: r.request.number,
    requestTitle: r.request.title,
    category: r.request.category,
    butlerName: r.request.assignee?.name ?? null,
  }))
}

// Tier retention: of the clients a butler serves, the share whose tier did not drop.
export async function tierRetention(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const rows = await readDb.$queryRaw<{ butler: string; name: string; clients: bigint; dropped: bigint }[]>`
    SELECT u.id AS butler, u.name, count(c.id) AS clients,
           count(c.id) FILTER (WHERE EXISTS (
             SELECT 1 FROM "TierChange" tc WHERE tc."clientId" = c.id AND tc."changedAt" >= ${p.from} AND tc."changedAt" < ${p.to}
               AND array_position(ARRAY['PRIVATE','DIAMOND','BLACK_DIAMOND']::"ClientTier"[], tc.tier)
                 < array_position(ARRAY['PRIVATE','DIAMOND','BLACK_DIAMOND']::"ClientTier"[], c.tier))) AS dropped
    FROM "User" u JOIN "Client" c ON c."dedicatedButlerId" = u.id
    WHERE u.role = 'BUTLER' GROUP BY u.id, u.name ORDER BY u.name`
  return rows.map((r) => ({
    butlerId: r.butler,
    name: r.name,
    clients: Number(r.clients),
    retained: Number(r.clients) - Number(r.dropped),
    share: Number(r.clients) ? 1 - Number(r.dropped) / Number(r.clients) : null,
  }))
}

export const DRILL_KINDS = ['firstResponse', 'breached', 'late', 'category', 'score', 'fcrMissed'] as const
export type DrillKind = (typeof DRILL_KINDS)[number]

// Every KPI table of a period at once: what the dashboard shows and the export writes.
export async function kpiTables(actor: Actor, p: Period) {
  const [firstResponse, resolution, firstContact, mix, joy, retention] = await Promise.all([
    firstResponseKpi(actor, p),
    resolutionByCategory(actor, p),
    firstContactResolution(actor, p),
    categoryMix(actor, p),
    delight(actor, p),
    tierRetention(actor, p),
  ])
  return { firstResponse, resolution, firstContact, mix, delight: joy, retention }
}

// The requests behind a figure. The breached, late and chased ones are found through small
// partial indexes of those clocks (migration 20261125120000_drilldown_indexes).
export async function drillDown(actor: Actor, p: Period, kind: DrillKind, value?: string) {
  requireSupervisor(actor)
  const inPeriod = { gte: p.from, lt: p.to }
  const where =
    kind === 'firstResponse'
      ? { timers: { some: { kind: 'FIRST_RESPONSE' as const, startedAt: inPeriod } } }
      : kind === 'breached'
        ? { timers: { some: { kind: 'FIRST_RESPONSE' as const, startedAt: inPeriod, breachedAt: { not: null } } } }
        : kind === 'late'
          ? {
              timers: {
                some: {
                  kind: 'FIRST_RESPONSE' as const,
                  startedAt: inPeriod,
                  OR: [{ metAt: null }, { breachedAt: { not: null } }],
                },
              },
            }
          : kind === 'category'
            ? { category: value as Category, createdAt: inPeriod }
            : kind === 'score'
              ? { rating: { score: Number(value), createdAt: inPeriod } }
              : // Resolved in the period after the client had to chase ("followedUp": a
                // next-response clock was started on the request, kept by a trigger).
                { timers: { some: { kind: 'RESOLUTION' as const, metAt: inPeriod, followedUp: true } } }
  const rows = await readDb.serviceRequest.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: {
      ...REQUEST_HEADLINE,
      client: { select: { displayName: true } },
      assignee: { select: { name: true } },
      rating: { select: { score: true } },
      timers: { where: { kind: 'FIRST_RESPONSE' }, select: { startedAt: true, metAt: true, breachedAt: true } },
    },
  })
  return rows.map((r) => {
    const t = r.timers[0]
    return {
      ...requestHeadline(r),
      clientName: r.client.displayName,
      butlerName: r.assignee?.name ?? null,
      score: r.rating?.score ?? null,
      firstResponseSeconds: t?.metAt ? (t.metAt.getTime() - t.startedAt.getTime()) / 1000 : null,
      breached: Boolean(t?.breachedAt),
    }
  })
}
