import 'server-only'
import { rawDb } from '../db'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { OPEN_STATUSES } from '../requests/state-machine'

// The console beats every 20 s while a tab is open; after 75 s without one (a background tab's
// timers may be held to one a minute) the butler is away.
export const HEARTBEAT_SECONDS = 20
const REACHABLE_WINDOW_SECONDS = 75

// Load for choosing whom to offer a request: every open request counts 1, and one whose clock
// is at risk or breached 2 more (3 in all): it is going to take the butler's attention first.
const LOAD_WEIGHTS = { open: 1, atRiskExtra: 2 } as const

// Reachable: an open console (a recent heartbeat) or a device that takes push and is not failing.
// A SQL condition on the "User" row aliased `u`, shared by the offers (lib/sla) and the board.
function reachableSql(u: string) {
  return `(${u}."lastSeenAt" > clock_timestamp() - interval '${REACHABLE_WINDOW_SECONDS} seconds'
    OR EXISTS (SELECT 1 FROM "PushSubscription" ps WHERE ps."userId" = ${u}.id AND ps."failingSince" IS NULL))`
}

// Available: rostered (on duty) and reachable. An offer passes over the unreachable, but when
// nobody on duty is reachable the rostered butler still gets it: the clock never stops.
export function availableSql(u: string) {
  return `(${u}."onDuty" AND ${u}."disabledAt" IS NULL AND ${reachableSql(u)})`
}

export function noButlerAvailableSql() {
  return `NOT EXISTS (SELECT 1 FROM "User" nb WHERE nb.role = 'BUTLER' AND ${availableSql('nb')})`
}

export async function recordHeartbeat(actor: Actor, leaving: boolean) {
  assertCan(actor, 'request.serve')
  // A closing tab says goodbye so the butler turns away at once, not a minute later.
  if (leaving) await rawDb.$executeRaw`UPDATE "User" SET "lastSeenAt" = NULL WHERE id = ${actor.userId}`
  else await rawDb.$executeRaw`UPDATE "User" SET "lastSeenAt" = clock_timestamp() WHERE id = ${actor.userId}`
}

export type Presence = 'AVAILABLE' | 'AWAY' | 'OFF'

const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(', ')
const LOAD_SQL = `SELECT u.id,
    (SELECT count(*) FROM "ServiceRequest" r WHERE r."assigneeId" = u.id AND r.status IN (${OPEN}))::int AS open,
    (SELECT count(*) FROM "ServiceRequest" r WHERE r."assigneeId" = u.id AND r.status IN (${OPEN})
      AND EXISTS (SELECT 1 FROM "SlaTimer" t WHERE t."requestId" = r.id AND t."metAt" IS NULL
        AND t."cancelledAt" IS NULL AND (t."atRiskFiredAt" IS NOT NULL OR t."breachedAt" IS NOT NULL)))::int AS "atRisk"`

// Each staff member's presence (on the supervisor board).
export async function presenceOf(actor: Actor, userIds: string[]): Promise<Map<string, Presence>> {
  assertCan(actor, 'team.lead')
  const rows = await rawDb.$queryRawUnsafe<{ id: string; onDuty: boolean; reachable: boolean }[]>(
    `SELECT u.id, u."onDuty", ${reachableSql('u')} AS reachable FROM "User" u WHERE u.id = ANY($1::text[])`,
    userIds,
  )
  return new Map(rows.map((r) => [r.id, !r.onDuty ? 'OFF' : r.reachable ? 'AVAILABLE' : 'AWAY']))
}

// The console header's "n open · m at risk" for the signed-in butler: one query.
export async function workloadOf(actor: Actor): Promise<{ open: number; atRisk: number }> {
  assertCan(actor, 'request.serve')
  const [row] = await rawDb.$queryRawUnsafe<{ open: number; atRisk: number }[]>(
    `${LOAD_SQL} FROM "User" u WHERE u.id = $1`,
    actor.userId,
  )
  return { open: row?.open ?? 0, atRisk: row?.atRisk ?? 0 }
}

export type AssigneePick = {
  assigneeId: string | null
  // Offer to everyone on duty at once (nobody reachable to hand it to).
  offerNow: boolean
  // Who it went to: the client's own butlers, or the least loaded available colleague.
  via: 'DEDICATED' | 'BACKUP' | 'LEAST_LOADED' | 'ROSTER'
}

// Who takes a new request: the dedicated butler if available, else the backup if available,
// else the least loaded available butler (weights above; ties to the one seen most recently).
// With nobody reachable, the roster alone decides as before: the dedicated butler if on duty,
// else the backup if on duty, else the dedicated butler with the request offered to everyone.
export async function pickAssignee(client: {
  dedicatedButler: { id: string; onDuty: boolean } | null
  backupButler: { id: string; onDuty: boolean } | null
}): Promise<AssigneePick> {
  const available = await rawDb.$queryRawUnsafe<{ id: string; open: number; atRisk: number }[]>(
    `${LOAD_SQL} FROM "User" u WHERE u.role = 'BUTLER' AND ${availableSql('u')}
     ORDER BY u."lastSeenAt" DESC NULLS LAST, u.id`,
  )
  const ids = new Set(available.map((b) => b.id))
  const { dedicatedButler: dedicated, backupButler: backup } = client
  if (dedicated && ids.has(dedicated.id)) return { assigneeId: dedicated.id, offerNow: false, via: 'DEDICATED' }
  if (backup && ids.has(backup.id)) return { assigneeId: backup.id, offerNow: false, via: 'BACKUP' }
  const load = (b: { open: number; atRisk: number }) => b.open * LOAD_WEIGHTS.open + b.atRisk * LOAD_WEIGHTS.atRiskExtra
  const least = available.reduce<(typeof available)[number] | null>(
    (best, b) => (best === null || load(b) < load(best) ? b : best),
    null,
  )
  if (least) return { assigneeId: least.id, offerNow: false, via: 'LEAST_LOADED' }
  if (dedicated?.onDuty) return { assigneeId: dedicated.id, offerNow: false, via: 'ROSTER' }
  if (backup?.onDuty) return { assigneeId: backup.id, offerNow: false, via: 'ROSTER' }
  return { assigneeId: dedicated?.id ?? null, offerNow: true, via: 'ROSTER' }
}
