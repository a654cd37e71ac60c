import 'server-only'
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

// First response, measured over clocks started in the period. An unanswered clock counts
// against the 3-minute share: the promise is about every request, not the answered ones.
export async function firstResponseKpi(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const [r] = await readDb.$queryRaw<Record<string, unknown>[]>`
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

export async function resolutionByCategory(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const rows = await readDb.$queryRaw<{ category: Category; count: bigint; p50: number | null; within: bigint }[]>`
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

// First-contact resolution: finished requests the client never had to chase (no client
// message after the first answer, i.e. no next-response clock: "followedUp", kept by a trigger).
export async function firstContactResolution(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const [r] = await readDb.$queryRaw<{ finished: bigint; first: bigint }[]>`
    SELECT count(*) AS finished, count(*) FILTER (WHERE NOT "followedUp") AS first
    FROM "SlaTimer"
    WHERE kind = 'RESOLUTION' AND "metAt" >= ${p.from} AND "metAt" < ${p.to}`
  const finished = Number(r.finished)
  return { finished, firstContact: Number(r.first), share: finished ? Number(r.first) / finished : null }
}

export async function categoryMix(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const rows = await readDb.$queryRaw<{ day: Date; category: Category; count: bigint }[]>`
    SELECT date_trunc('day', "createdAt") AS day, category, count(*) AS count
    FROM "ServiceRequest" WHERE "createdAt" >= ${p.from} AND "createdAt" < ${p.to}
    GROUP BY 1, 2 ORDER BY 1`
  return rows.map((x) => ({ day: x.day.toISOString().slice(0, 10), category: x.category, count: Number(x.count) }))
}

export async function delight(actor: Actor, p: Period) {
  requireSupervisor(actor)
  const [trend, distribution] = await Promise.all([
    readDb.$queryRaw<{ week: Date; avg: number; count: bigint }[]>`
      SELECT date_trunc('week', "createdAt") AS week, avg(score)::float AS avg, count(*) AS count
      FROM "Rating" WHERE "createdAt" >= ${p.from} AND "createdAt" < ${p.to} GROUP BY 1 ORDER BY 1`,
    readDb.$queryRaw<{ score: number; count: bigint }[]>`
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

// The requests behind a figure.
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
              : {
                  timers: { some: { kind: 'NEXT_RESPONSE' as const } },
                  AND: [{ timers: { some: { kind: 'RESOLUTION' as const, metAt: inPeriod } } }],
                }
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
