import 'server-only'
import { db } from '../db'
import { log } from '../log'

// Daily KPI roll-ups (migration 20261125100000_kpi_daily_rollups, decision 0014). A UTC day is
// rolled up once it has ended, and again whenever a late change marked it; until then the
// dashboards compute it live, so the roll-ups only ever make a period cheaper, never different.

// A day is rolled up only this long after it ended: a transaction that wrote to the day before
// midnight (and so left no mark) has committed by then. Transactions here last seconds.
const SETTLE_MINUTES = 15

// The days to roll up, most recent first: every ended (and settled) day since the first fact
// that has no roll-up, and every day marked as changed since its roll-up. A writing
// transaction still open from before a day's end holds that day back as well. Days end by the
// database's clock (the one the change marks use), unless `now` says otherwise.
export async function pendingKpiDays(now?: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ day: Date }[]>`
    WITH bounds AS (
      SELECT least(
               (SELECT min("createdAt") FROM "ServiceRequest" WHERE "createdAt" IS NOT NULL),
               (SELECT min("startedAt") FROM "SlaTimer" WHERE kind = 'FIRST_RESPONSE' AND "startedAt" IS NOT NULL),
               (SELECT min("metAt") FROM "SlaTimer" WHERE kind = 'RESOLUTION' AND "metAt" IS NOT NULL),
               (SELECT min("createdAt") FROM "Rating" WHERE "createdAt" IS NOT NULL)) AS first_at,
             least(coalesce(${now ?? null}::timestamptz, clock_timestamp()) - make_interval(mins => ${SETTLE_MINUTES}),
                   (SELECT min(xact_start) FROM pg_stat_activity
                    WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid())) AS settled_at
    ),
    last AS (SELECT (settled_at AT TIME ZONE 'UTC')::date - 1 AS last_day, (first_at AT TIME ZONE 'UTC')::date AS first_day FROM bounds)
    SELECT g::date AS day
    FROM last, generate_series(last.first_day, last.last_day, interval '1 day') g
    WHERE NOT EXISTS (SELECT 1 FROM "KpiDay" k WHERE k.day = g::date)
    UNION
    SELECT w.day FROM "KpiDirtyDay" w, last WHERE w.day <= last.last_day
    ORDER BY day DESC`
  return rows.map((r) => r.day.toISOString().slice(0, 10))
}

// Rolls one day up in its own REPEATABLE READ transaction: every table of the day from one
// snapshot, and the day's change mark cleared in that snapshot. Another worker rolling the
// same day up at the same moment skips it (transaction-scoped lock, so it works through
// PgBouncer).
async function rollupKpiDay(day: string): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtext('kpi_rollup'), (${day}::date - date '2000-01-01')) AS ok`
      if (!lock.ok) return false
      await tx.$executeRaw`SELECT kpi_rollup_day(${day}::date)`
      return true
    },
    { isolationLevel: 'RepeatableRead', timeout: 120_000 },
  )
}

// What the worker runs every few minutes: rolls up every pending day. A day that fails is
// logged and left live (it is retried on the next pass); the others go on. `signal` stops the
// pass between two days (the worker stopping).
export async function rollupKpiDays(opts: { now?: Date; signal?: AbortSignal } = {}) {
  const started = performance.now()
  const days = await pendingKpiDays(opts.now)
  let rolled = 0
  for (const day of days) {
    if (opts.signal?.aborted) break
    try {
      if (await rollupKpiDay(day)) rolled++
    } catch (err) {
      log.error({ err, day }, 'kpi roll-up of a day failed')
    }
  }
  if (days.length)
    log.info({ days: days.length, rolled, ms: Math.round(performance.now() - started) }, 'kpi days rolled up')
  return { pending: days.length, rolled }
}
