// Dashboard query latency on a realistic volume: seeds REQUESTS requests over two years (with
// response and resolution clocks, ratings, some follow-ups, messages) and rolls every past day up
// as the worker would, then times every dashboard query for a 30-day period ending now (a
// partial day at each end, today live) and writes bench/results/dashboard.json. The KPIs are
// also timed as they were computed before the daily roll-ups (tests/kpi-live.ts: the same
// statements directly over the period's rows), in the same run, so "before" and "after" share
// the machine's load. Runs on the test database.
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
import { rollupKpiDays } from '../lib/kpi/rollup'
import { openRequestsForBoard } from '../lib/requests/queries'
import { pendingApprovals } from '../lib/vendors/queries'
import {
  liveCategoryMix,
  liveDelight,
  liveFirstContactResolution,
  liveFirstResponse,
  liveResolutionByCategory,
} from '../tests/kpi-live'
import { seedRequests } from './seed'
import { machineNow, timeQueries } from './timing'
import { runBench } from './harness'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)

async function main() {
  // BENCH_REUSE=1 times the queries on the data a previous run left (no reseed; any day not
  // rolled up yet is rolled up first).
  const seeded = process.env.BENCH_REUSE
    ? {
        supervisorId: (await db.user.findFirstOrThrow({ where: { name: 'Bench Supervisor' } })).id,
        seedSeconds: null,
        rollupSeconds: null,
        rolledNow: (await rollupKpiDays()).rolled,
      }
    : await seedRequests(REQUESTS)
  const requests = process.env.BENCH_REUSE ? await db.serviceRequest.count() : REQUESTS
  const actor = (await loadActor(await createSession(seeded.supervisorId)))!
  const to = new Date()
  const period = { from: new Date(to.getTime() - 30 * 86_400_000), to }
  const queries: Record<string, () => Promise<unknown>> = {
    liveBoard: () => openRequestsForBoard(actor),
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
  const before: Record<string, () => Promise<unknown>> = {
    firstResponse: () => liveFirstResponse(period),
    resolutionByCategory: () => liveResolutionByCategory(period),
    firstContactResolution: () => liveFirstContactResolution(period),
    categoryMix: () => liveCategoryMix(period),
    delight: () => liveDelight(period),
  }
  // Each KPI right after its own "before", so both see the same moment's load.
  const interleaved: Record<string, () => Promise<unknown>> = {}
  for (const [name, run] of Object.entries(queries)) {
    if (before[name]) interleaved[`${name} (without roll-ups)`] = before[name]
    interleaved[name] = run
  }
  const timed = await timeQueries(interleaved, RUNS)
  const results = Object.fromEntries(Object.keys(queries).map((name) => [name, timed[name]]))
  const withoutRollups = Object.fromEntries(
    Object.keys(before).map((name) => [name, timed[`${name} (without roll-ups)`]]),
  )
  const worstP95 = Math.max(...Object.values(results).map((r) => r.p95 ?? 0))
  const goalMs = requests <= 1_000_000 ? 100 : 200
  const out = {
    measuredAt: new Date().toISOString(),
    machine: machineNow(),
    setup: {
      requests,
      spreadDays: 730,
      periodDays: 30,
      runsPerQuery: RUNS,
      seedSeconds: seeded.seedSeconds,
      rollupSeconds: seeded.rollupSeconds,
    },
    latencyMs: results,
    withoutRollupsLatencyMs: withoutRollups,
    worstP95Ms: worstP95,
    goal: `p95 <= ${goalMs} ms for every dashboard query (100 ms at 1M requests, 200 ms at 10M)`,
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(process.env.BENCH_OUT ?? 'bench/results/dashboard.json', JSON.stringify(out, null, 2) + '\n')
  await db.$disconnect()
  process.exit(worstP95 <= goalMs ? 0 : 1)
}

runBench(main)
