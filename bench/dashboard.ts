// Dashboard query latency on a realistic volume: seeds REQUESTS requests over two years (with
// response and resolution clocks, ratings, some follow-ups), then times every dashboard query
// for a 30-day period and writes bench/results/dashboard.json. Runs on the test database.
import { writeFileSync, mkdirSync } from 'node:fs'
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
import { seedRequests } from './seed'
import { machineNow, timeQueries } from './timing'
import { runBench } from './harness'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)

async function main() {
  // BENCH_REUSE=1 times the queries on the data a previous run left (no reseed).
  const { supervisorId, seedSeconds } = process.env.BENCH_REUSE
    ? { supervisorId: (await db.user.findFirstOrThrow({ where: { name: 'Bench Supervisor' } })).id, seedSeconds: null }
    : await seedRequests(REQUESTS)
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
  const results = await timeQueries(queries, RUNS)
  const worstP95 = Math.max(...Object.values(results).map((r) => r.p95 ?? 0))
  const out = {
    measuredAt: new Date().toISOString(),
    machine: machineNow(),
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
