// Seeds n requests spread over two years with response and resolution clocks, some follow-ups
// and ratings, set-wise in PostgreSQL (one statement per table per chunk). Wipes the test
// database first. Used by bench:dashboard and bench:growth.
import pg from 'pg'
import { db } from '../lib/db'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createStaff } from '../tests/factories'

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
  // Set-based generation in PostgreSQL: one statement per table, in chunks to bound memory.
  const chunk = 200_000
  for (let offset = 0; offset < requests; offset += chunk) {
    const n = Math.min(chunk, requests - offset)
    await client.query(
      `
      WITH c AS (SELECT id, "userId", "dedicatedButlerId", row_number() OVER (ORDER BY id) - 1 AS i FROM "Client"),
      g AS (
        SELECT s, now() - (random() * interval '730 days') AS created, (s % 200) AS ci,
               (ARRAY['TRAVEL','HEALTH','EDUCATION','LIVING','OTHER'])[1 + (s % 5)]::"Category" AS cat
        FROM generate_series($1::int, $1::int + $2::int - 1) s
      )
      INSERT INTO "ServiceRequest" (id, number, "clientId", "createdById", "assigneeId", category, title, status, "createdAt", "updatedAt", "closedAt")
      SELECT 'bench-' || g.s, g.s + 1, c.id, c."userId", c."dedicatedButlerId", g.cat, 'Bench request ' || g.s,
             CASE WHEN g.created > now() - interval '1 day' THEN 'IN_PROGRESS' ELSE 'CLOSED' END::"RequestStatus",
             g.created, g.created, CASE WHEN g.created > now() - interval '1 day' THEN NULL ELSE g.created + interval '2 hours' END
      FROM g JOIN c ON c.i = g.ci`,
      [offset, n],
    )
    await client.query(
      `
      INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt", "metAt", "breachedAt")
      SELECT 'fr-' || r.id, r.id, 'FIRST_RESPONSE', r."createdAt", r."createdAt" + interval '3 minutes',
             r."createdAt" + (x.secs * interval '1 second'),
             CASE WHEN x.secs >= 180 THEN r."createdAt" + interval '3 minutes' END
      FROM "ServiceRequest" r, LATERAL (SELECT (20 + random() * 150 + CASE WHEN random() < 0.005 THEN 200 ELSE 0 END)::int AS secs) x
      WHERE r.number > $1 AND r.number <= $1 + $2`,
      [offset, n],
    )
    await client.query(
      `
      INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt", "metAt")
      SELECT 'rs-' || r.id, r.id, 'RESOLUTION', r."createdAt", r."createdAt" + interval '4 hours', r."closedAt"
      FROM "ServiceRequest" r WHERE r.number > $1 AND r.number <= $1 + $2`,
      [offset, n],
    )
    await client.query(
      `
      INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt", "metAt")
      SELECT 'nr-' || r.id, r.id, 'NEXT_RESPONSE', r."createdAt" + interval '10 minutes', r."createdAt" + interval '13 minutes', r."createdAt" + interval '11 minutes'
      FROM "ServiceRequest" r WHERE r.number > $1 AND r.number <= $1 + $2 AND r.number % 7 = 0`,
      [offset, n],
    )
    await client.query(
      `
      INSERT INTO "Rating" (id, "requestId", score, comment, "createdAt")
      SELECT 'rt-' || r.id, r.id, 3 + (r.number % 3), CASE WHEN r.number % 10 = 0 THEN 'Lovely service ' || r.number END, r."closedAt" + interval '1 hour'
      FROM "ServiceRequest" r WHERE r.number > $1 AND r.number <= $1 + $2 AND r."closedAt" IS NOT NULL AND r.number % 3 = 0`,
      [offset, n],
    )
    process.stdout.write(`seeded ${offset + n} requests\n`)
  }
  await client.query(
    `SELECT setval(pg_get_serial_sequence('"ServiceRequest"', 'number'), (SELECT max(number) FROM "ServiceRequest"))`,
  )
  await client.query('VACUUM ANALYZE')
  await client.end()
  return { supervisorId: supervisor.id, butlerId: butlers[0].id, seedSeconds: (Date.now() - started) / 1000 }
}
