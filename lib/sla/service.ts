import 'server-only'
import { db, type Tx, rawDb } from '../db'
import type { RawDb } from '../db/raw'
import { Prisma } from '../generated/prisma/client'
import type { Category, ClientTier, TimerKind } from '../generated/prisma/enums'
import { publish, publishMany, type DomainEvent } from '../events/publish'
import { log, withLogContext } from '../log'
import { availableSql, noButlerAvailableSql } from '../presence/service'
import { enqueuePush } from '../push/outbox'

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

type PolicyRow = {
  id: string
  kind: TimerKind
  category: Category | null
  tier: ClientTier | null
  targetSeconds: number
  atRiskSeconds: number | null
  handoffSeconds: number | null
}

type PolicyPick = { id: string | null; targetMs: number; atRiskMs: number | null; handoffMs: number | null }

// What a clock takes from its policy (and what the admin page lists besides its state).
export const SLA_POLICY_TARGETS = {
  id: true,
  kind: true,
  category: true,
  tier: true,
  targetSeconds: true,
  atRiskSeconds: true,
  handoffSeconds: true,
} as const

// Most specific active policy wins: category+tier, then category, then tier, then the kind alone.
// One query for every kind a write starts (a new request starts two clocks).
async function pickPolicies(
  tx: RawDb,
  kinds: TimerKind[],
  category: Category,
  tier: ClientTier,
): Promise<Map<TimerKind, PolicyPick>> {
  // Raw: every submission starts clocks (no query compilation). The fields of SLA_POLICY_TARGETS.
  const candidates = await tx.$queryRaw<PolicyRow[]>`
    SELECT id, kind::text AS kind, category::text AS category, tier::text AS tier,
           "targetSeconds", "atRiskSeconds", "handoffSeconds"
    FROM "SlaPolicy"
    WHERE active AND kind::text = ANY(${kinds}::text[])
      AND (category IS NULL OR category::text = ${category}) AND (tier IS NULL OR tier::text = ${tier})
    ORDER BY id`
  const rank = (p: { category: unknown; tier: unknown }) => (p.category ? 2 : 0) + (p.tier ? 1 : 0)
  const s = (v: number | null) => (v === null ? null : v * 1000)
  const picks = new Map<TimerKind, PolicyPick>()
  for (const kind of kinds) {
    const best = candidates.filter((c) => c.kind === kind).sort((a, b) => rank(b) - rank(a))[0]
    if (best) {
      picks.set(kind, {
        id: best.id,
        targetMs: best.targetSeconds * 1000,
        atRiskMs: s(best.atRiskSeconds),
        handoffMs: s(best.handoffSeconds),
      })
      continue
    }
    const d = defaultTargets(kind, category)
    if (!d) throw new Error(`No SLA policy for ${kind}`)
    picks.set(kind, { id: null, targetMs: d.target * 1000, atRiskMs: s(d.atRisk), handoffMs: s(d.handoff) })
  }
  return picks
}

export type StartedTimer = { id: string; dueAt: Date; atRiskAt: Date | null; handoffAt: Date | null }

type TimerStart = { requestId: string; clientId: string; category: Category; tier: ClientTier }

// Deadlines come from the database clock, never the web server's. Inserting the rows is all the
// scheduling there is: a trigger (sla_marks_changed) notifies the workers on commit.
// `announce: false` for a request's first clocks: its request.created event already makes every
// open view read the request with its clocks, so a STARTED event would only cost a second read.
export async function startTimers(
  tx: RawDb,
  args: TimerStart & { kinds: TimerKind[]; announce?: boolean },
): Promise<Map<TimerKind, StartedTimer>> {
  const policies = await pickPolicies(tx, args.kinds, args.category, args.tier)
  const ms = (v: number | null) => (v === null ? null : `${v} milliseconds`)
  const values = args.kinds.map((kind) => {
    const p = policies.get(kind)!
    return Prisma.sql`(gen_random_uuid()::text, ${args.requestId}, ${kind}::"TimerKind", ${p.id}, clock_timestamp(),
      clock_timestamp() + ${ms(p.targetMs)}::interval,
      clock_timestamp() + ${ms(p.atRiskMs)}::interval,
      clock_timestamp() + ${ms(p.handoffMs)}::interval)`
  })
  const rows = await tx.$queryRaw<(StartedTimer & { kind: TimerKind })[]>`
    INSERT INTO "SlaTimer" (id, "requestId", kind, "policyId", "startedAt", "dueAt", "atRiskAt", "handoffAt")
    VALUES ${Prisma.join(values)}
    RETURNING id, kind::text AS kind, "dueAt", "atRiskAt", "handoffAt"`
  if (args.announce !== false) {
    await publishMany(
      tx,
      rows.map((timer) => ({
        type: 'sla.changed' as const,
        requestId: args.requestId,
        clientId: args.clientId,
        timerId: timer.id,
        state: 'STARTED' as const,
      })),
    )
  }
  return new Map(rows.map(({ kind, ...timer }) => [kind, timer]))
}

export async function startTimer(tx: RawDb, args: TimerStart & { kind: TimerKind }): Promise<StartedTimer> {
  const started = await startTimers(tx, { ...args, kinds: [args.kind] })
  return started.get(args.kind)!
}

// A clock with a due time set by hand (a vendor's deadline, a hand-off's), watched like the rest.
export async function startTimerUntil(
  tx: RawDb,
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
export async function meetResponseTimers(tx: RawDb, requestId: string, clientId: string, staffId: string) {
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

export async function meetResolutionTimer(tx: RawDb, requestId: string, clientId: string, staffId: string) {
  const met = await tx.$queryRaw<{ id: string; late: boolean }[]>`
    UPDATE "SlaTimer" SET "metAt" = clock_timestamp(), "metById" = ${staffId}, "pausedAt" = NULL
    WHERE "requestId" = ${requestId} AND kind = 'RESOLUTION' AND "metAt" IS NULL AND "cancelledAt" IS NULL
    RETURNING id, ("metAt" >= "dueAt") AS late`
  for (const t of met) {
    await publish(tx, { type: 'sla.changed', requestId, clientId, timerId: t.id, state: t.late ? 'BREACHED' : 'MET' })
  }
}

export async function hasOpenResponseTimer(tx: RawDb, requestId: string) {
  // Raw: every client message asks.
  const [{ open }] = await tx.$queryRaw<{ open: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "SlaTimer" WHERE "requestId" = ${requestId}
      AND kind IN ('FIRST_RESPONSE', 'NEXT_RESPONSE') AND "metAt" IS NULL AND "cancelledAt" IS NULL) AS open`
  return open
}

// While a request waits on the client, its resolution clock stands still.
export async function pauseResolution(tx: RawDb, requestId: string) {
  await tx.$executeRaw`
    UPDATE "SlaTimer" SET "pausedAt" = clock_timestamp()
    WHERE "requestId" = ${requestId} AND kind = 'RESOLUTION'
      AND "metAt" IS NULL AND "breachedAt" IS NULL AND "cancelledAt" IS NULL AND "pausedAt" IS NULL`
}

// Resuming pushes every mark by the time spent paused.
export async function resumeResolution(tx: RawDb, requestId: string) {
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
type Claimed = {
  id: string
  requestId: string
  kind: TimerKind
  dueAt: Date
  markAt: Date
  at: Date
  clientId: string
  backupAvailable: boolean
}

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
// workers race, and only once the mark is due by the database's clock. It takes a batch of
// clocks (a worker back from downtime has many) and skips those another worker holds, so racing
// batches never wait on or deadlock with each other. It returns what the side effects need (the
// client, whether the backup butler is available: on duty and reachable, or on duty when no
// butler at all is reachable) in the same round trip.
async function claim(tx: Tx, mark: Mark, timerIds: string[]): Promise<Claimed[]> {
  const { at, fired } = MARK_COLUMNS[mark]
  return tx.$queryRawUnsafe<Claimed[]>(
    `WITH due AS (
       SELECT id FROM "SlaTimer"
       WHERE id = ANY($1::text[]) AND ${OPEN} AND "${fired}" IS NULL AND "${at}" <= clock_timestamp()
       FOR UPDATE SKIP LOCKED
     )
     UPDATE "SlaTimer" t SET "${fired}" = clock_timestamp()
     FROM due, "ServiceRequest" r JOIN "Client" c ON c.id = r."clientId" LEFT JOIN "User" b ON b.id = c."backupButlerId"
     WHERE t.id = due.id AND r.id = t."requestId"
     RETURNING t.id, t."requestId", t.kind, t."dueAt", t."${at}" AS "markAt", t."${fired}" AS at,
       r."clientId", coalesce(b."onDuty" AND (${availableSql('b')} OR ${noButlerAvailableSql()}), false) AS "backupAvailable"`,
    timerIds,
  )
}

// Claims a mark on each given clock where it is due and undecided and, in the same transaction,
// runs its side effects off the claimed rows (set-wise: a statement per effect, not per clock).
// Returns the ids decided.
async function decide(
  mark: Mark,
  timerIds: string[],
  effects: (tx: Tx, claimed: Claimed[]) => Promise<void>,
): Promise<string[]> {
  const claimed = await db.$transaction(async (tx) => {
    const rows = await claim(tx, mark, timerIds)
    if (rows.length) await effects(tx, rows)
    return rows
  })
  for (const t of claimed) {
    log.info(
      { timerId: t.id, requestId: t.requestId, mark, latenessMs: t.at.getTime() - t.markAt.getTime() },
      'sla mark decided',
    )
  }
  return claimed.map((t) => t.id)
}

const isResponse = (t: Claimed) => t.kind === 'FIRST_RESPONSE' || t.kind === 'NEXT_RESPONSE'

const requestsOf = (claimed: Claimed[]) => [...new Set(claimed.map((t) => t.requestId))]

// A breach: recorded once and pushed to the supervisors on duty; an unanswered response clock is
// then offered to everyone on duty.
const decideBreach = (timerIds: string[]) =>
  decide('breach', timerIds, async (tx, claimed) => {
    await tx.auditEvent.createMany({
      data: claimed.map((t) => ({
        actorId: null,
        action: 'sla.breached',
        entity: 'SlaTimer',
        entityId: t.id,
        clientId: t.clientId,
        data: { kind: t.kind, requestId: t.requestId, latenessMs: t.at.getTime() - t.dueAt.getTime() },
      })),
    })
    const offered = await offer(
      tx,
      claimed.filter(isResponse).map((t) => t.requestId),
      'ALL',
    )
    await enqueuePush(tx, 'BREACHED', 'supervisorsOnDuty', requestsOf(claimed))
    await publishMany(tx, [
      ...claimed.map((t): DomainEvent => ({
        type: 'sla.changed',
        requestId: t.requestId,
        clientId: t.clientId,
        timerId: t.id,
        state: 'BREACHED',
      })),
      ...offered,
    ])
  })

// At risk: the butler holding the request is alerted (the console plays a sound and notifies;
// their phone gets a push).
const decideAtRisk = (timerIds: string[]) =>
  decide('atRisk', timerIds, async (tx, claimed) => {
    await tx.auditEvent.createMany({
      data: claimed.map((t) => ({
        actorId: null,
        action: 'sla.at_risk',
        entity: 'SlaTimer',
        entityId: t.id,
        clientId: t.clientId,
        data: { kind: t.kind, requestId: t.requestId },
      })),
    })
    await enqueuePush(tx, 'AT_RISK', 'holder', requestsOf(claimed))
    await publishMany(
      tx,
      claimed.map((t): DomainEvent => ({
        type: 'sla.changed',
        requestId: t.requestId,
        clientId: t.clientId,
        timerId: t.id,
        state: 'AT_RISK',
      })),
    )
  })

// Hand-off: the dedicated butler has not answered; offer the request to the backup butler
// if available, otherwise to everyone on duty. The dedicated butler keeps the client.
const decideHandoff = (timerIds: string[]) =>
  decide('handoff', timerIds, async (tx, claimed) => {
    const toBackup = await offer(
      tx,
      claimed.filter((t) => t.backupAvailable).map((t) => t.requestId),
      'BACKUP',
    )
    const toAll = await offer(
      tx,
      claimed.filter((t) => !t.backupAvailable).map((t) => t.requestId),
      'ALL',
    )
    await publishMany(tx, [...toBackup, ...toAll])
  })

// An offer only widens: nothing -> backup -> everyone on duty. Audits the requests it widened,
// pushes the offer to the phones of those it now reaches, and returns their events.
async function offer(tx: Tx, requestIds: string[], stage: 'BACKUP' | 'ALL'): Promise<DomainEvent[]> {
  if (!requestIds.length) return []
  const widenFrom = stage === 'ALL' ? [null, 'BACKUP' as const] : [null]
  const widened = await tx.serviceRequest.updateManyAndReturn({
    where: { id: { in: requestIds }, OR: widenFrom.map((offerStage) => ({ offerStage })) },
    data: { offerStage: stage, offeredAt: new Date(), version: { increment: 1 } },
    select: { id: true, clientId: true },
  })
  if (!widened.length) return []
  await tx.auditEvent.createMany({
    data: widened.map((r) => ({
      actorId: null,
      action: 'request.offered',
      entity: 'ServiceRequest',
      entityId: r.id,
      clientId: r.clientId,
      data: { stage },
    })),
  })
  await enqueuePush(
    tx,
    'OFFERED',
    stage === 'BACKUP' ? 'backup' : 'butlersOnDuty',
    widened.map((r) => r.id),
  )
  return widened.map((r) => ({ type: 'request.offered', requestId: r.id, clientId: r.clientId, stage }))
}

type DueRow = { id: string; atRisk: boolean; handoff: boolean; breach: boolean }
const DECIDERS = [
  ['atRisk', decideAtRisk],
  ['handoff', decideHandoff],
  ['breach', decideBreach],
] as const
const CHUNK = 50
const PARALLEL = 4

// Decides the due marks of up to `limit` clocks, nearest first, leaving out `skip` (clocks whose
// decision just failed). Mark by mark (at-risk, hand-off, breach), so a worker back from downtime
// still warns before it breaches; each mark in chunks of clocks, one transaction per chunk, each
// under its own correlation id. A chunk that fails is retried clock by clock, so one clock whose
// decision fails never holds up the others; its id comes back in `failed`.
export async function decideDueMarks(limit = 200, skip: string[] = []) {
  const rows = await rawDb.$queryRawUnsafe<DueRow[]>(
    `SELECT id,
       ("atRiskFiredAt" IS NULL AND "atRiskAt" <= clock_timestamp()) AS "atRisk",
       ("handoffFiredAt" IS NULL AND "handoffAt" <= clock_timestamp()) AS handoff,
       ("dueAt" <= clock_timestamp()) AS breach
     FROM "SlaTimer" WHERE ${OPEN} AND ${NEXT_MARK} <= clock_timestamp() AND NOT (id = ANY($2::text[]))
     ORDER BY ${NEXT_MARK} LIMIT $1`,
    limit,
    skip,
  )
  let decided = 0
  const failed = new Set<string>()
  const decideChunk = (mark: Mark, decideMark: (ids: string[]) => Promise<string[]>, ids: string[]) =>
    withLogContext(null, async () => {
      try {
        const ok = await decideMark(ids)
        decided += ok.length
      } catch (err) {
        if (ids.length === 1) {
          failed.add(ids[0])
          log.error({ err, timerId: ids[0], mark }, 'sla mark decision failed')
          return
        }
        log.warn({ err, mark, clocks: ids.length }, 'sla mark batch failed; deciding its clocks one by one')
        for (const id of ids) await decideChunk(mark, decideMark, [id])
      }
    })
  for (const [mark, decideMark] of DECIDERS) {
    const ids = rows.filter((r) => r[mark] && !failed.has(r.id)).map((r) => r.id)
    const chunks = Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, i) =>
      ids.slice(i * CHUNK, (i + 1) * CHUNK),
    )
    for (let i = 0; i < chunks.length; i += PARALLEL) {
      await Promise.all(chunks.slice(i, i + PARALLEL).map((chunk) => decideChunk(mark, decideMark, chunk)))
    }
  }
  return { due: rows.length, decided, failed: [...failed] }
}

// The nearest undecided mark of any open clock: when it falls (epoch ms, database clock) and
// how long until then by the database's clock (negative once overdue). Served by the partial index.
// Exported for the test that checks the partial index serves it.
export const NEXT_MARK_QUERY = `SELECT floor(extract(epoch FROM ${NEXT_MARK}) * 1000)::float8 AS "atMs",
    (extract(epoch FROM ${NEXT_MARK} - clock_timestamp()) * 1000)::float8 AS "inMs"
  FROM "SlaTimer" WHERE ${OPEN} AND NOT (id = ANY($1::text[])) ORDER BY ${NEXT_MARK} LIMIT 1`

export async function nextMark(skip: string[] = []): Promise<{ atMs: number; inMs: number } | null> {
  const [row] = await rawDb.$queryRawUnsafe<{ atMs: number; inMs: number }[]>(NEXT_MARK_QUERY, skip)
  return row ?? null
}
