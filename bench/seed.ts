// Seeds n requests spread over two years with response and resolution clocks, some follow-ups,
// ratings and a short conversation each, set-wise in PostgreSQL (one INSERT ... SELECT from
// generate_series per table per chunk). Wipes the test database first. Used by bench:dashboard
// and bench:growth.
//
// Bulk loading: the session skips triggers and foreign-key checks (session_replication_role =
// replica; the rows are consistent by construction, and the columns the triggers keep, a
// clock's category and "followedUp", are written directly), and the secondary indexes of the
// seeded tables are dropped first and built once at the end from their own definitions.
import pg from 'pg'
import { db } from '../lib/db'
import { rollupKpiDays } from '../lib/kpi/rollup'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createStaff } from '../tests/factories'

const SEEDED = ['ServiceRequest', 'SlaTimer', 'Rating', 'Message']
const ROLLUPS = [
  'KpiDay',
  'KpiFirstResponseDay',
  'KpiFirstResponseSpread',
  'KpiResolutionDay',
  'KpiResolutionSpread',
  'KpiRequestDay',
  'KpiRatingDay',
]
// Messages per request: the client's ask and the butler's answer.
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2)
// Open requests (about), whatever the size.
const OPEN = Number(process.env.BENCH_OPEN ?? 1000)

export async function seedRequests(requests: number) {
  await resetDatabase(process.env.DATABASE_URL!)
  const butlers = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((i) => createStaff(db, { name: `Butler ${i}` })))
  const supervisor = await createStaff(db, { role: 'SUPERVISOR', name: 'Bench Supervisor' })
  for (let i = 0; i < 200; i++) {
    await createClient(db, {
      name: `Client ${i}`,
      dedicatedButlerId: butlers[i % 8].id,
      backupButlerId: butlers[(i + 1) % 8].id,
    })
  }
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  const started = Date.now()
  await client.query(`SET session_replication_role = replica`)
  // Secondary indexes (not primary keys, not unique ones): dropped now, rebuilt at the end.
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname = ANY($1) AND NOT i.indisunique AND NOT i.indisprimary`,
    [SEEDED],
  )
  for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`)
  // The months the messages fall in (the worker keeps only the current and next ones).
  await client.query(
    `SELECT history_ensure_month('Message', m)
     FROM generate_series(now() - interval '731 days', now() + interval '2 months', interval '1 month') m`,
  )

  const chunk = 200_000
  // The open work stays the same at every size (about OPEN requests, the newest): what grows
  // is the closed history behind it, and each day's volume.
  const openWindow = `${Math.round((OPEN / requests) * 730 * 86_400)} seconds`
  for (let offset = 0; offset < requests; offset += chunk) {
    const n = Math.min(chunk, requests - offset)
    const range = [offset, n]
    // Requests: the newest (about OPEN of them) are open; the others closed 10 minutes to 8
    // hours after they came in, most within the 4-hour resolution promise.
    await client.query(
      `
      WITH c AS (SELECT id, "userId", "dedicatedButlerId", row_number() OVER (ORDER BY id) - 1 AS i FROM "Client"),
      g AS (
        SELECT s, now() - (random() * interval '730 days') AS created, (s % 200) AS ci,
               (ARRAY['TRAVEL','HEALTH','EDUCATION','LIVING','OTHER'])[1 + (s % 5)]::"Category" AS cat,
               interval '10 minutes' + random() ^ 2 * interval '8 hours' AS took
        FROM generate_series($1::int, $1::int + $2::int - 1) s
      )
      INSERT INTO "ServiceRequest" (id, number, "clientId", "createdById", "assigneeId", category, title, status, "createdAt", "updatedAt", "closedAt")
      SELECT 'bench-' || g.s, g.s + 1, c.id, c."userId", c."dedicatedButlerId", g.cat, 'Bench request ' || g.s,
             CASE WHEN g.created > now() - $3::interval THEN 'IN_PROGRESS' ELSE 'CLOSED' END::"RequestStatus",
             g.created, g.created, CASE WHEN g.created > now() - $3::interval THEN NULL ELSE g.created + g.took END
      FROM g JOIN c ON c.i = g.ci`,
      [...range, openWindow],
    )
    const these = `FROM "ServiceRequest" r WHERE r.number > $1 AND r.number <= $1 + $2`
    // First answers 20 to 170 s after the request, one in two hundred 200 s later (a breach).
    // The answer time refers to the row ("+ 0 * r.number") so it is drawn for each row, not
    // once for the statement.
    await client.query(
      `
      INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt", "metAt", "breachedAt", category)
      SELECT 'fr-' || r.id, r.id, 'FIRST_RESPONSE', r."createdAt", r."createdAt" + interval '3 minutes',
             r."createdAt" + (x.secs * interval '1 second'),
             CASE WHEN x.secs >= 180 THEN r."createdAt" + interval '3 minutes' END, r.category
      FROM "ServiceRequest" r,
           LATERAL (SELECT (20 + random() * 150 + CASE WHEN random() < 0.005 THEN 200 ELSE 0 END + 0 * r.number)::numeric(8, 3) AS secs) x
      WHERE r.number > $1 AND r.number <= $1 + $2`,
      range,
    )
    await client.query(
      `
      INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt", "metAt", "pausedMs", category, "followedUp")
      SELECT 'rs-' || r.id, r.id, 'RESOLUTION', r."createdAt", r."createdAt" + interval '4 hours', r."closedAt",
             CASE WHEN r.number % 10 = 0 THEN (random() * 600000)::int ELSE 0 END, r.category, r.number % 7 = 0
      ${these}`,
      range,
    )
    await client.query(
      `
      INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt", "metAt", category)
      SELECT 'nr-' || r.id, r.id, 'NEXT_RESPONSE', r."createdAt" + interval '10 minutes', r."createdAt" + interval '13 minutes',
             r."createdAt" + interval '11 minutes', r.category
      ${these} AND r.number % 7 = 0`,
      range,
    )
    await client.query(
      `
      INSERT INTO "Rating" (id, "requestId", score, comment, "createdAt")
      SELECT 'rt-' || r.id, r.id, 3 + (r.number % 3), CASE WHEN r.number % 10 = 0 THEN 'Lovely service ' || r.number END, r."closedAt" + interval '1 hour'
      ${these} AND r."closedAt" IS NOT NULL AND r.number % 3 = 0`,
      range,
    )
    if (MESSAGES > 0) {
      await client.query(
        `
        INSERT INTO "Message" (id, "requestId", "authorId", visibility, body, "createdAt")
        SELECT 'm' || k || '-' || r.id, r.id, CASE WHEN k % 2 = 1 THEN r."createdById" ELSE r."assigneeId" END, 'CLIENT',
               CASE WHEN k % 2 = 1 THEN 'Could you look into this for me, please? ' || r.title ELSE 'Of course, it is in hand.' END,
               r."createdAt" + (k - 1) * interval '90 seconds'
        FROM "ServiceRequest" r, generate_series(1, $3::int) k
        WHERE r.number > $1 AND r.number <= $1 + $2`,
        [...range, MESSAGES],
      )
    }
    process.stdout.write(`seeded ${offset + n} requests (${Math.round((Date.now() - started) / 1000)} s)\n`)
  }
  await client.query(`RESET session_replication_role`)
  await client.query(
    `SELECT setval(pg_get_serial_sequence('"ServiceRequest"', 'number'), (SELECT max(number) FROM "ServiceRequest"))`,
  )
  await client.query(`SET maintenance_work_mem = '512MB'`)
  // A partitioned table's index is defined "ON ONLY" the parent; built on the parent, it is
  // built on every partition.
  for (const ix of indexes) await client.query(ix.def.replace(' ON ONLY ', ' ON '))
  process.stdout.write(`indexes rebuilt (${Math.round((Date.now() - started) / 1000)} s)\n`)
  await client.query('VACUUM ANALYZE')
  const seedSeconds = (Date.now() - started) / 1000
  // What the worker does after an upgrade: roll up every past day (timed: the backfill's cost).
  const rolling = Date.now()
  const { rolled } = await rollupKpiDays()
  const rollupSeconds = (Date.now() - rolling) / 1000
  process.stdout.write(`${rolled} days rolled up (${Math.round(rollupSeconds)} s)\n`)
  await client.query(`VACUUM ANALYZE ${ROLLUPS.map((t) => `"${t}"`).join(', ')}`)
  await client.end()
  return { supervisorId: supervisor.id, butlerId: butlers[0].id, seedSeconds, rollupSeconds }
}
