import { db, type Tx } from '../db'
import type { Category, ClientTier, TimerKind } from '../generated/prisma/enums'
import { recordAudit } from '../audit/record'
import { publish } from '../events/publish'
import { log, withLogContext } from '../log'

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

export type StartedTimer = { id: string; dueAt: Date; atRiskAt: Date | null; handoffAt: Date | null }

// Deadlines come from the database clock, never the web server's. Inserting the row is all the
// scheduling there is: a trigger (sla_marks_changed) notifies the workers on commit.
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

// Resuming pushes every mark by the time spent paused.
export async function resumeResolution(tx: Tx, requestId: string) {
  await tx.$executeRaw`
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
    FROM shift WHERE t.id = shift.id`
}

type Mark = 'atRisk' | 'handoff' | 'breach'
type Claimed = { id: string; requestId: string; kind: TimerKind; dueAt: Date; markAt: Date; at: Date }

// Which column a mark is due by and which one records its decision.
const MARK_COLUMNS: Record<Mark, { at: string; fired: string }> = {
  atRisk: { at: 'atRiskAt', fired: 'atRiskFiredAt' },
  handoff: { at: 'handoffAt', fired: 'handoffFiredAt' },
  breach: { at: 'dueAt', fired: 'breachedAt' },
}

const OPEN = `"metAt" IS NULL AND "breachedAt" IS NULL AND "pausedAt" IS NULL AND "cancelledAt" IS NULL`
// An open clock's next undecided mark. Identical to the expression of the partial index
// "SlaTimer_nextMark_open_idx" (and its notify trigger), so the planner serves it from there.
const NEXT_MARK = `LEAST(CASE WHEN "atRiskFiredAt" IS NULL THEN "atRiskAt" END,
  CASE WHEN "handoffFiredAt" IS NULL THEN "handoffAt" END, "dueAt")`

// The one claim: a conditional update that only one transaction can win, however many
// workers race, and only once the mark is due by the database's clock.
async function claim(tx: Tx, mark: Mark, timerId: string): Promise<Claimed | null> {
  const { at, fired } = MARK_COLUMNS[mark]
  const [t] = await tx.$queryRawUnsafe<Claimed[]>(
    `UPDATE "SlaTimer" SET "${fired}" = clock_timestamp()
     WHERE id = $1 AND ${OPEN} AND "${fired}" IS NULL AND "${at}" <= clock_timestamp()
     RETURNING id, "requestId", kind, "dueAt", "${at}" AS "markAt", "${fired}" AS at`,
    timerId,
  )
  return t ?? null
}

// Claims a mark and, in the same transaction, runs its side effects off the claimed row.
async function decide(mark: Mark, timerId: string, effects: (tx: Tx, t: Claimed) => Promise<void>): Promise<boolean> {
  const t = await db.$transaction(async (tx) => {
    const claimed = await claim(tx, mark, timerId)
    if (claimed) await effects(tx, claimed)
    return claimed
  })
  if (t) log.info({ timerId, requestId: t.requestId, mark, latenessMs: t.at.getTime() - t.markAt.getTime() }, 'sla mark decided')
  return t !== null
}

async function clientOf(tx: Tx, requestId: string) {
  return tx.serviceRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { clientId: true, offerStage: true, client: { select: { backupButler: { select: { id: true, onDuty: true } } } } },
  })
}

// A breach: recorded once; an unanswered response clock is then offered to everyone on duty.
export const decideBreach = (timerId: string) =>
  decide('breach', timerId, async (tx, t) => {
    const req = await clientOf(tx, t.requestId)
    await recordAudit(tx, {
      actorId: null, action: 'sla.breached', entity: 'SlaTimer', entityId: t.id, clientId: req.clientId,
      data: { kind: t.kind, requestId: t.requestId, latenessMs: t.at.getTime() - t.dueAt.getTime() },
    })
    if (t.kind === 'FIRST_RESPONSE' || t.kind === 'NEXT_RESPONSE') await offer(tx, t.requestId, req.clientId, 'ALL')
    await publish(tx, { type: 'sla.changed', requestId: t.requestId, clientId: req.clientId, timerId: t.id, state: 'BREACHED' })
  })

// At risk: the dedicated butler is alerted (the console plays a sound and notifies).
export const decideAtRisk = (timerId: string) =>
  decide('atRisk', timerId, async (tx, t) => {
    const req = await clientOf(tx, t.requestId)
    await recordAudit(tx, {
      actorId: null, action: 'sla.at_risk', entity: 'SlaTimer', entityId: t.id, clientId: req.clientId,
      data: { kind: t.kind, requestId: t.requestId },
    })
    await publish(tx, { type: 'sla.changed', requestId: t.requestId, clientId: req.clientId, timerId: t.id, state: 'AT_RISK' })
  })

// Hand-off: the dedicated butler has not answered; offer the request to the backup butler
// if on duty, otherwise to everyone on duty. The dedicated butler keeps the client.
export const decideHandoff = (timerId: string) =>
  decide('handoff', timerId, async (tx, t) => {
    const req = await clientOf(tx, t.requestId)
    await offer(tx, t.requestId, req.clientId, req.client.backupButler?.onDuty ? 'BACKUP' : 'ALL')
  })

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

type DueRow = { id: string; atRisk: boolean; handoff: boolean; breach: boolean }
const DECIDERS = [['atRisk', decideAtRisk], ['handoff', decideHandoff], ['breach', decideBreach]] as const
const PARALLEL = 4

// Decides up to `limit` clocks whose next mark is due, nearest first; a clock's marks in time
// order (at-risk, hand-off, breach), so a worker back from downtime still warns before it breaches.
// Each clock's decisions carry their own correlation id; a failure is logged and counted, not thrown.
export async function decideDueMarks(limit = 200): Promise<{ due: number; decided: number; failed: number }> {
  const rows = await db.$queryRawUnsafe<DueRow[]>(
    `SELECT id,
       ("atRiskFiredAt" IS NULL AND "atRiskAt" <= clock_timestamp()) AS "atRisk",
       ("handoffFiredAt" IS NULL AND "handoffAt" <= clock_timestamp()) AS handoff,
       ("dueAt" <= clock_timestamp()) AS breach
     FROM "SlaTimer" WHERE ${OPEN} AND ${NEXT_MARK} <= clock_timestamp()
     ORDER BY ${NEXT_MARK} LIMIT $1`,
    limit,
  )
  let decided = 0
  let failed = 0
  const decideRow = (row: DueRow) => withLogContext(null, async () => {
    for (const [mark, decideMark] of DECIDERS) {
      if (!row[mark]) continue
      try {
        if (await decideMark(row.id)) decided++
      } catch (err) {
        failed++
        log.error({ err, timerId: row.id, mark }, 'sla mark decision failed')
      }
    }
  })
  for (let i = 0; i < rows.length; i += PARALLEL) await Promise.all(rows.slice(i, i + PARALLEL).map(decideRow))
  return { due: rows.length, decided, failed }
}

// The nearest undecided mark of any open clock: when it falls (epoch ms, database clock) and
// how long until then by the database's clock (negative once overdue). Served by the partial index.
// Exported for the test that checks the partial index serves it.
export const NEXT_MARK_QUERY = `SELECT floor(extract(epoch FROM ${NEXT_MARK}) * 1000)::float8 AS "atMs",
    (extract(epoch FROM ${NEXT_MARK} - clock_timestamp()) * 1000)::float8 AS "inMs"
  FROM "SlaTimer" WHERE ${OPEN} ORDER BY ${NEXT_MARK} LIMIT 1`

export async function nextMark(): Promise<{ atMs: number; inMs: number } | null> {
  const [row] = await db.$queryRawUnsafe<{ atMs: number; inMs: number }[]>(NEXT_MARK_QUERY)
  return row ?? null
}
