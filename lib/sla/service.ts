import 'server-only'
import { fromPrisma } from 'pg-boss'
import { db, type Tx } from '../db'
import type { Category, ClientTier, TimerKind } from '../generated/prisma/enums'
import { recordAudit } from '../audit/record'
import { publish } from '../events/publish'
import { producer, QUEUES } from '../jobs/boss'
import { log } from '../log'

type Targets = { target: number; atRisk: number | null; handoff: number | null }

// The promise: 3 minutes to a first response, 24x7. Used when no policy row matches;
// policy rows (edited by an admin) take precedence.
const RESPONSE_DEFAULT: Targets = { target: 180, atRisk: 120, handoff: 150 }
export const DEFAULT_RESOLUTION_SECONDS: Record<Category, number> = {
  TRAVEL: 30 * 60,
  HEALTH: 4 * 3600,
  EDUCATION: 24 * 3600,
  LIVING: 2 * 3600,
  OTHER: 4 * 3600,
}

function defaultTargets(kind: TimerKind, category: Category): Targets | null {
  if (kind === 'FIRST_RESPONSE' || kind === 'NEXT_RESPONSE') return RESPONSE_DEFAULT
  if (kind === 'RESOLUTION') {
    const target = DEFAULT_RESOLUTION_SECONDS[category]
    return { target, atRisk: Math.round(target * 0.75), handoff: null }
  }
  return null
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
  const s = (v: number | null) => (v === null ? null : v * 1000)
  if (best) return { id: best.id, targetMs: best.targetSeconds * 1000, atRiskMs: s(best.atRiskSeconds), handoffMs: s(best.handoffSeconds) }
  const d = defaultTargets(kind, category)
  if (!d) throw new Error(`No SLA policy for ${kind}`)
  return { id: null, targetMs: d.target * 1000, atRiskMs: s(d.atRisk), handoffMs: s(d.handoff) }
}

type TimerMarks = { id: string; dueAt: Date; atRiskAt: Date | null; handoffAt: Date | null }

// One job per mark. The key includes the time, so a clock that was paused and resumed gets
// fresh jobs for its new marks; a stale job finds its condition false and does nothing.
async function scheduleMarks(tx: Tx, t: TimerMarks) {
  const boss = await producer()
  const opts = (at: Date, queue: string) => ({
    startAfter: at, singletonKey: `${queue}:${t.id}:${at.getTime()}`, db: fromPrisma(tx),
  })
  await boss.send(QUEUES.slaDeadline, { timerId: t.id }, opts(t.dueAt, QUEUES.slaDeadline))
  if (t.atRiskAt) await boss.send(QUEUES.slaAtRisk, { timerId: t.id }, opts(t.atRiskAt, QUEUES.slaAtRisk))
  if (t.handoffAt) await boss.send(QUEUES.slaHandoff, { timerId: t.id }, opts(t.handoffAt, QUEUES.slaHandoff))
}

export type StartedTimer = TimerMarks

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
    RETURNING id, "dueAt", "atRiskAt", "handoffAt"`
  const timer = rows[0]
  await scheduleMarks(tx, timer)
  await publish(tx, { type: 'sla.changed', requestId: args.requestId, clientId: args.clientId, timerId: timer.id, state: 'STARTED' })
  return timer
}

// A clock with a due time set by hand (a vendor's deadline, a hand-off's), watched like the rest.
export async function startTimerUntil(
  tx: Tx,
  args: { requestId: string; kind: 'VENDOR_TASK' | 'HANDOFF'; dueAt: Date; vendorTaskId?: string; handoffId?: string },
): Promise<StartedTimer> {
  const [timer] = await tx.$queryRaw<StartedTimer[]>`
    INSERT INTO "SlaTimer" (id, "requestId", "vendorTaskId", "handoffId", kind, "startedAt", "dueAt")
    VALUES (gen_random_uuid()::text, ${args.requestId}, ${args.vendorTaskId ?? null}, ${args.handoffId ?? null},
            ${args.kind}::"TimerKind", clock_timestamp(), ${args.dueAt})
    RETURNING id, "dueAt", "atRiskAt", "handoffAt"`
  await scheduleMarks(tx, timer)
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

export async function meetResolutionTimer(tx: Tx, requestId: string, clientId: string, staffId: string) {
  const met = await tx.$queryRaw<{ id: string; late: boolean }[]>`
    UPDATE "SlaTimer" SET "metAt" = clock_timestamp(), "metById" = ${staffId}, "pausedAt" = NULL
    WHERE "requestId" = ${requestId} AND kind = 'RESOLUTION' AND "metAt" IS NULL AND "cancelledAt" IS NULL
    RETURNING id, ("metAt" >= "dueAt") AS late`
  for (const t of met) {
    await publish(tx, { type: 'sla.changed', requestId, clientId, timerId: t.id, state: t.late ? 'BREACHED' : 'MET' })
  }
}

export async function hasOpenResponseTimer(tx: Tx, requestId: string) {
  const open = await tx.slaTimer.count({
    where: { requestId, kind: { in: ['FIRST_RESPONSE', 'NEXT_RESPONSE'] }, metAt: null, cancelledAt: null },
  })
  return open > 0
}

// While a request waits on the client, its resolution clock stands still.
export async function pauseResolution(tx: Tx, requestId: string) {
  await tx.$executeRaw`
    UPDATE "SlaTimer" SET "pausedAt" = clock_timestamp()
    WHERE "requestId" = ${requestId} AND kind = 'RESOLUTION'
      AND "metAt" IS NULL AND "breachedAt" IS NULL AND "cancelledAt" IS NULL AND "pausedAt" IS NULL`
}

// Resuming pushes every mark by the time spent paused, then schedules the new marks.
export async function resumeResolution(tx: Tx, requestId: string) {
  const resumed = await tx.$queryRaw<TimerMarks[]>`
    WITH shift AS (
      SELECT id, clock_timestamp() - "pausedAt" AS d FROM "SlaTimer"
      WHERE "requestId" = ${requestId} AND kind = 'RESOLUTION' AND "pausedAt" IS NOT NULL AND "metAt" IS NULL
    )
    UPDATE "SlaTimer" t SET
      "dueAt" = t."dueAt" + shift.d,
      "atRiskAt" = t."atRiskAt" + shift.d,
      "handoffAt" = t."handoffAt" + shift.d,
      "pausedMs" = t."pausedMs" + (EXTRACT(EPOCH FROM shift.d) * 1000)::int,
      "pausedAt" = NULL
    FROM shift WHERE t.id = shift.id
    RETURNING t.id, t."dueAt", t."atRiskAt", t."handoffAt"`
  for (const t of resumed) await scheduleMarks(tx, t)
}

type Decided = { id: string; requestId: string; kind: TimerKind; dueAt: Date; at: Date }

async function clientOf(tx: Tx, requestId: string) {
  return tx.serviceRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { clientId: true, offerStage: true, client: { select: { backupButler: { select: { id: true, onDuty: true } } } } },
  })
}

// Decides a breach exactly once, however many workers race: one conditional update wins.
// An unanswered response clock is then offered to everyone on duty.
export async function decideBreach(timerId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [t] = await tx.$queryRaw<Decided[]>`
      UPDATE "SlaTimer" SET "breachedAt" = clock_timestamp()
      WHERE id = ${timerId} AND "metAt" IS NULL AND "breachedAt" IS NULL
        AND "pausedAt" IS NULL AND "cancelledAt" IS NULL AND "dueAt" <= clock_timestamp()
      RETURNING id, "requestId", kind, "dueAt", "breachedAt" AS at`
    if (!t) return false
    const req = await clientOf(tx, t.requestId)
    await recordAudit(tx, {
      actorId: null, action: 'sla.breached', entity: 'SlaTimer', entityId: t.id, clientId: req.clientId,
      data: { kind: t.kind, requestId: t.requestId, latenessMs: t.at.getTime() - t.dueAt.getTime() },
    })
    if (t.kind === 'FIRST_RESPONSE' || t.kind === 'NEXT_RESPONSE') await offer(tx, t.requestId, req.clientId, 'ALL')
    await publish(tx, { type: 'sla.changed', requestId: t.requestId, clientId: req.clientId, timerId: t.id, state: 'BREACHED' })
    return true
  })
}

// At risk: the dedicated butler is alerted (the console plays a sound and notifies).
export async function decideAtRisk(timerId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [t] = await tx.$queryRaw<Decided[]>`
      UPDATE "SlaTimer" SET "atRiskFiredAt" = clock_timestamp()
      WHERE id = ${timerId} AND "metAt" IS NULL AND "breachedAt" IS NULL AND "atRiskFiredAt" IS NULL
        AND "pausedAt" IS NULL AND "cancelledAt" IS NULL AND "atRiskAt" <= clock_timestamp()
      RETURNING id, "requestId", kind, "dueAt", "atRiskFiredAt" AS at`
    if (!t) return false
    const req = await clientOf(tx, t.requestId)
    await recordAudit(tx, {
      actorId: null, action: 'sla.at_risk', entity: 'SlaTimer', entityId: t.id, clientId: req.clientId,
      data: { kind: t.kind, requestId: t.requestId },
    })
    await publish(tx, { type: 'sla.changed', requestId: t.requestId, clientId: req.clientId, timerId: t.id, state: 'AT_RISK' })
    return true
  })
}

// Hand-off: the dedicated butler has not answered; offer the request to the backup butler
// if on duty, otherwise to everyone on duty. The dedicated butler keeps the client.
export async function decideHandoff(timerId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [t] = await tx.$queryRaw<Decided[]>`
      UPDATE "SlaTimer" SET "handoffFiredAt" = clock_timestamp()
      WHERE id = ${timerId} AND "metAt" IS NULL AND "breachedAt" IS NULL AND "handoffFiredAt" IS NULL
        AND "pausedAt" IS NULL AND "cancelledAt" IS NULL AND "handoffAt" <= clock_timestamp()
      RETURNING id, "requestId", kind, "dueAt", "handoffFiredAt" AS at`
    if (!t) return false
    const req = await clientOf(tx, t.requestId)
    const stage = req.client.backupButler?.onDuty ? 'BACKUP' : 'ALL'
    await offer(tx, t.requestId, req.clientId, stage)
    return true
  })
}

async function offer(tx: Tx, requestId: string, clientId: string, stage: 'BACKUP' | 'ALL') {
  // An offer only widens: nothing -> backup -> everyone on duty.
  const widenFrom = stage === 'ALL' ? [null, 'BACKUP' as const] : [null]
  const updated = await tx.serviceRequest.updateMany({
    where: { id: requestId, OR: widenFrom.map((offerStage) => ({ offerStage })) },
    data: { offerStage: stage, offeredAt: new Date(), version: { increment: 1 } },
  })
  if (updated.count === 0) return
  await recordAudit(tx, { actorId: null, action: 'request.offered', entity: 'ServiceRequest', entityId: requestId, clientId, data: { stage } })
  await publish(tx, { type: 'request.offered', requestId, clientId, stage })
}

// Everything already overdue: run at worker start (after downtime) and as a periodic backstop.
export async function sweepOverdue(limit = 500) {
  const open = `"metAt" IS NULL AND "breachedAt" IS NULL AND "pausedAt" IS NULL AND "cancelledAt" IS NULL`
  const pick = (mark: string, fired: string) => db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "SlaTimer" WHERE ${open} AND "${mark}" <= clock_timestamp() ${fired ? `AND "${fired}" IS NULL` : ''}
     ORDER BY "${mark}" LIMIT ${Number(limit)}`,
  )
  let decided = 0
  for (const { id } of await pick('dueAt', '')) if (await decideBreach(id)) decided++
  for (const { id } of await pick('handoffAt', 'handoffFiredAt')) if (await decideHandoff(id)) decided++
  for (const { id } of await pick('atRiskAt', 'atRiskFiredAt')) if (await decideAtRisk(id)) decided++
  if (decided) log.info({ decided }, 'sla sweep decided overdue marks')
  return decided
}

