import 'server-only'
import { db, rawDb } from '../db'
import { assertCan, can } from '../auth/policy'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'
import type { TScoreReview } from './schemas'

const DEFAULT_QA_SAMPLE_SIZE = 3

// Monday 00:00 UTC of the week containing `day`.
function weekStartOf(day: Date) {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()))
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000)
}

// Quality inspection (质检): each week, a random sample of the previous week's finished
// requests per butler lands in the QA queue. A butler already sampled for the week is
// skipped, so running it twice samples nobody twice.
export async function sampleWeek(now = new Date(), size = DEFAULT_QA_SAMPLE_SIZE) {
  const week = weekStartOf(now)
  const from = new Date(week.getTime() - 7 * 86_400_000)
  return rawDb.$executeRaw`
    INSERT INTO "QaReview" (id, "requestId", "butlerId", "weekStart")
    SELECT gen_random_uuid()::text, s.id, s."assigneeId", ${week}::date FROM (
      SELECT r.id, r."assigneeId", row_number() OVER (PARTITION BY r."assigneeId" ORDER BY random()) AS rn
      FROM "ServiceRequest" r
      JOIN "SlaTimer" t ON t."requestId" = r.id AND t.kind = 'RESOLUTION' AND t."metAt" >= ${from} AND t."metAt" < ${week}
      WHERE r."assigneeId" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "QaReview" q WHERE q."requestId" = r.id)
        AND NOT EXISTS (SELECT 1 FROM "QaReview" q WHERE q."butlerId" = r."assigneeId" AND q."weekStart" = ${week}::date)
    ) s WHERE s.rn <= ${size}
    ON CONFLICT DO NOTHING`
}

export async function scoreReview(actor: Actor, input: TScoreReview) {
  assertCan(actor, 'team.lead')
  return db.$transaction(async (tx) => {
    const updated = await tx.qaReview.updateMany({
      where: { id: input.reviewId, scoredAt: null },
      data: {
        timeliness: input.timeliness,
        courtesy: input.courtesy,
        accuracy: input.accuracy,
        completeness: input.completeness,
        proactivity: input.proactivity,
        comment: input.comment,
        reviewerId: actor.userId,
        scoredAt: new Date(),
      },
    })
    if (updated.count === 0) throw new AppError('CONFLICT', 'errors.alreadyScored')
    const review = await tx.qaReview.findUniqueOrThrow({
      where: { id: input.reviewId },
      select: { requestId: true, butlerId: true, request: { select: { clientId: true } } },
    })
    await recordAudit(tx, actor.userId, 'qa.scored', 'QaReview', input.reviewId, {
      clientId: review.request.clientId,
      data: { butlerId: review.butlerId },
    })
    return { scored: true }
  })
}

export async function qaQueue(actor: Actor) {
  assertCan(actor, 'team.lead')
  const rows = await db.qaReview.findMany({
    where: { scoredAt: null },
    orderBy: [{ weekStart: 'asc' }, { butlerId: 'asc' }],
    select: {
      id: true,
      weekStart: true,
      butler: { select: { name: true } },
      request: { select: { id: true, number: true, title: true, category: true, rating: { select: { score: true } } } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    weekStart: r.weekStart.toISOString().slice(0, 10),
    butlerName: r.butler.name,
    requestId: r.request.id,
    number: r.request.number,
    title: r.request.title,
    category: r.request.category,
    rating: r.request.rating?.score ?? null,
  }))
}

// A butler's scored reviews; supervisors may read anyone's, a butler only their own.
export async function reviewsFor(actor: Actor, butlerId: string) {
  if (!can(actor, 'team.lead') && actor.userId !== butlerId) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const rows = await db.qaReview.findMany({
    where: { butlerId, scoredAt: { not: null } },
    orderBy: { scoredAt: 'desc' },
    take: 100,
    select: {
      id: true,
      timeliness: true,
      courtesy: true,
      accuracy: true,
      completeness: true,
      proactivity: true,
      comment: true,
      scoredAt: true,
      reviewer: { select: { name: true } },
      request: { select: { id: true, number: true, title: true } },
    },
  })
  const total = (r: (typeof rows)[number]) =>
    ((r.timeliness ?? 0) + (r.courtesy ?? 0) + (r.accuracy ?? 0) + (r.completeness ?? 0) + (r.proactivity ?? 0)) / 5
  return {
    average: rows.length ? rows.reduce((s, r) => s + total(r), 0) / rows.length : null,
    reviews: rows.map((r) => ({
      ...r,
      scoredAt: r.scoredAt!.toISOString(),
      average: total(r),
      reviewerName: r.reviewer?.name ?? null,
    })),
  }
}
