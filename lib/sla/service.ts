import { fromPrisma } from 'pg-boss'
import { db, type Tx } from '../db'
import type { Category, ClientTier, TimerKind } from '../generated/prisma/enums'
import { recordAudit } from '../audit/record'
import { publish } from '../events/publish'
import { producer, QUEUES } from '../jobs/boss'
import { log } from '../log'

// The promise: 3 minutes to a first response, 24x7. Used when no policy row matches.
export const DEFAULT_TARGETS: Partial<Record<TimerKind, { target: number; atRisk: number; handoff: number }>> = {
  FIRST_RESPONSE: { target: 180, atRisk: 120, handoff: 150 },
  NEXT_RESPONSE: { target: 180, atRisk: 120, handoff: 150 },
}

type PolicyPick = { id: string | null; targetMs: number; atRiskMs: number | null; handoffMs: number | null }

// Most specific active policy wins: category+tier, then category, then tier, then the kind alone.
export async function pickPolicy(tx: Tx, kind: TimerKind, category: Category, tier: ClientTier): Promise<PolicyPick> {
  const candidates = await tx.slaPolicy.findMany({
    where: {
      kind, active: true,
      OR: [{ category, tier }, { category, tier: null }, { category: null, tier }, { category: null, tier: null }],
    },
    select: { id: true, category: true, tier: true, targetSeconds: true, atRiskSeconds: true, handoffSeconds: true },
  })
  const rank = (p: { category: unknown; tier: unknown }) => (p.category ? 2 : 0) + (p.tier ? 1 : 0)
  const best = candidates.sort((a, b) => rank(b) - rank(a))[0]
  if (best) {
    return {
      id: best.id,
      targetMs: best.targetSeconds * 1000,
      atRiskMs: best.atRiskSeconds === null ? null : best.atRiskSeconds * 1000,
      handoffMs: best.handoffSeconds === null ? null : best.handoffSeconds * 1000,
    }
  }
  const d = DEFAULT_TARGETS[kind]
  if (!d) throw new Error(`No SLA policy for ${kind}`)
  return { id: null, targetMs: d.target * 1000, atRiskMs: d.atRisk * 1000, handoffMs: d.handoff * 1000 }
}

export type StartedTimer = { id: string; dueAt: Date }

// Deadlines come from the database clock, never the web server's.
export async function startTimer(
  tx: Tx,
  args: { requestId: string; clientId: string; kind: TimerKind; category: Category; tier: ClientTier },
): Promise<StartedTimer> {
  const policy = await pickPolicy(tx, args.kind, args.category, args.tier)
  const ms = (v: number | null) => (v === null ? null : `${v} milliseconds`)
  const rows = await tx.$queryRaw<StartedTimer[]>`
    INSERT INTO "SlaTimer" (id, "requestId", kind, "policyId", "startedAt", "dueAt", "atRiskAt", "handoffAt")
    VALUES (
      gen_random_uuid()::text, ${args.requestId}, ${args.kind}::"TimerKind", ${policy.id},
      clock_timestamp(),
      clock_timestamp() + ${ms(policy.targetMs)}::interval,
      clock_timestamp() + ${ms(policy.atRiskMs)}::interval,
      clock_timestamp() + ${ms(policy.handoffMs)}::interval
    )
    RETURNING id, "dueAt"`
  const timer = rows[0]
  const boss = await producer()
  // Enqueued in the same transaction: the deadline job exists if and only if the clock does.
  await boss.send(QUEUES.slaDeadline, { timerId: timer.id }, { startAfter: timer.dueAt, singletonKey: timer.id, db: fromPrisma(tx) })
  await publish(tx, { type: 'sla.changed', requestId: args.requestId, clientId: args.clientId, timerId: timer.id, state: 'STARTED' })
  return timer
}

// A client-visible staff reply answers every open response clock on the request. A late
// answer is still recorded (metAt after dueAt) so response times stay measurable.
export async function meetResponseTimers(tx: Tx, requestId: string, clientId: string, staffId: string) {
  const met = await tx.$queryRaw<{ id: string; late: boolean }[]>`
    UPDATE "SlaTimer" SET "metAt" = clock_timestamp(), "metById" = ${staffId}
    WHERE "requestId" = ${requestId} AND kind IN ('FIRST_RESPONSE', 'NEXT_RESPONSE')
      AND "metAt" IS NULL AND "cancelledAt" IS NULL
    RETURNING id, ("metAt" >= "dueAt") AS late`
  for (const t of met) {
    await publish(tx, { type: 'sla.changed', requestId, clientId, timerId: t.id, state: t.late ? 'BREACHED' : 'MET' })
  }
  return met
}

export async function hasOpenResponseTimer(tx: Tx, requestId: string) {
  const open = await tx.slaTimer.count({
    where: { requestId, kind: { in: ['FIRST_RESPONSE', 'NEXT_RESPONSE'] }, metAt: null, cancelledAt: null },
  })
  return open > 0
}

// Decides a breach exactly once, however many workers race: one conditional update wins.
export async function decideBreach(timerId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; requestId: string; kind: TimerKind; dueAt: Date; breachedAt: Date }[]>`
      UPDATE "SlaTimer" SET "breachedAt" = clock_timestamp()
      WHERE id = ${timerId} AND "metAt" IS NULL AND "breachedAt" IS NULL
        AND "pausedAt" IS NULL AND "cancelledAt" IS NULL AND "dueAt" <= clock_timestamp()
      RETURNING id, "requestId", kind, "dueAt", "breachedAt"`
    const t = rows[0]
    if (!t) return false
    const req = await tx.serviceRequest.findUniqueOrThrow({ where: { id: t.requestId }, select: { clientId: true } })
    await recordAudit(tx, {
      actorId: null, action: 'sla.breached', entity: 'SlaTimer', entityId: t.id, clientId: req.clientId,
      data: { kind: t.kind, requestId: t.requestId, latenessMs: t.breachedAt.getTime() - t.dueAt.getTime() },
    })
    await publish(tx, { type: 'sla.changed', requestId: t.requestId, clientId: req.clientId, timerId: t.id, state: 'BREACHED' })
    return true
  })
}

// Everything already overdue: run at worker start (after downtime) and as a periodic backstop.
export async function sweepOverdue(limit = 500) {
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "SlaTimer"
    WHERE "metAt" IS NULL AND "breachedAt" IS NULL AND "pausedAt" IS NULL AND "cancelledAt" IS NULL
      AND "dueAt" <= clock_timestamp()
    ORDER BY "dueAt" LIMIT ${limit}`
  let decided = 0
  for (const { id } of due) if (await decideBreach(id)) decided++
  if (decided) log.info({ decided }, 'sla sweep decided overdue clocks')
  return decided
}
