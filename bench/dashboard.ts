// Dashboard query latency on a realistic volume: seeds REQUESTS requests over two years (with
// response and resolution clocks, ratings, some follow-ups), then times every dashboard query
// for a 30-day period and writes bench/results/dashboard.json. Runs on the test database.
import { writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import pg from 'pg'
import { loadActor, createSession } from '../lib/auth/sessions'
import { db } from '../lib/db'
import {
  categoryMix,
  comments,
  delight,
  drillDown,
  firstContactResolution,
  firstResponseKpi,
  resolutionByCategory,
  tierRetention,
} from '../lib/kpi/queries'
import { listRequests } from '../lib/requests/queries'
import { pendingApprovals } from '../lib/vendors/queries'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createStaff } from '../tests/factories'
import { summarise } from './stats'
import { runBench } from './harness'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)

async function seed() {
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
  for (let offset = 0; offset < REQUESTS; offset += chunk) {
    const n = Math.min(chunk, REQUESTS - offset)
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
  return { supervisorId: supervisor.id, seedSeconds: (Date.now() - started) / 1000 }
}

async function main() {
  // BENCH_REUSE=1 times the queries on the data a previous run left (no reseed).
  const { supervisorId, seedSeconds } = process.env.BENCH_REUSE
    ? { supervisorId: (await db.user.findFirstOrThrow({ where: { name: 'Bench Supervisor' } })).id, seedSeconds: null }
    : await seed()
  const actor = (await loadActor(await createSession(supervisorId)))!
  const to = new Date()
  const period = { from: new Date(to.getTime() - 30 * 86_400_000), to }
  const queries: Record<string, () => Promise<unknown>> = {
    liveBoard: () => listRequests(actor, { openOnly: true, take: 1000 }),
    pendingApprovals: () => pendingApprovals(actor),
    firstResponse: () => firstResponseKpi(actor, period),
    resolutionByCategory: () => resolutionByCategory(actor, period),
    firstContactResolution: () => firstContactResolution(actor, period),
    categoryMix: () => categoryMix(actor, period),
    delight: () => delight(actor, period),
    comments: () => comments(actor, period, {}),
    tierRetention: () => tierRetention(actor, period),
    drillDownBreached: () => drillDown(actor, period, 'breached'),
  }
  const results: Record<string, ReturnType<typeof summarise>> = {}
  for (const [name, run] of Object.entries(queries)) {
    await run() // warm-up
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now()
      await run()
      times.push(performance.now() - t)
    }
    results[name] = summarise(times)
    console.log(name, results[name])
  }
  const worstP95 = Math.max(...Object.values(results).map((r) => r.p95 ?? 0))
  const out = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    setup: { requests: REQUESTS, spreadDays: 730, periodDays: 30, runsPerQuery: RUNS, seedSeconds },
    latencyMs: results,
    worstP95Ms: worstP95,
    goal: 'p95 <= 200 ms for every dashboard query',
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/dashboard.json', JSON.stringify(out, null, 2) + '\n')
  await db.$disconnect()
  process.exit(worstP95 <= 200 ? 0 : 1)
}

runBench(main)
