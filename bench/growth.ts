// What grows with history and what must not: seeds each size in BENCH_SIZES (requests over two
// years, as bench:dashboard does) and times the butler's console queue, the SLA timer's sweep
// (the next mark and the due-marks claim), and the dashboard KPIs for a 30-day period.
// Writes bench/results/growth.json. Runs on the test database (wiped for each size).
import { mkdirSync, writeFileSync } from 'node:fs'
import { createSession, loadActor } from '../lib/auth/sessions'
import { db } from '../lib/db'
import { categoryMix, firstContactResolution, firstResponseKpi, resolutionByCategory } from '../lib/kpi/queries'
import { listRequests } from '../lib/requests/queries'
import { decideDueMarks, nextMark } from '../lib/sla/service'
import { seedRequests } from './seed'
import { machineNow, timeQueries } from './timing'

const SIZES = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)

async function main() {
  const bySize: Record<string, unknown> = {}
  for (const size of SIZES) {
    const { supervisorId, butlerId, seedSeconds } = await seedRequests(size)
    const supervisor = (await loadActor(await createSession(supervisorId)))!
    const butler = (await loadActor(await createSession(butlerId)))!
    const to = new Date()
    const period = { from: new Date(to.getTime() - 30 * 86_400_000), to }
    const queries: Record<string, () => Promise<unknown>> = {
      consoleQueue: () => listRequests(butler, { openOnly: true, take: 500 }),
      sweepNextMark: () => nextMark(),
      sweepDueMarks: () => decideDueMarks(200),
      firstResponse: () => firstResponseKpi(supervisor, period),
      resolutionByCategory: () => resolutionByCategory(supervisor, period),
      firstContactResolution: () => firstContactResolution(supervisor, period),
      categoryMix: () => categoryMix(supervisor, period),
    }
    const latencyMs = await timeQueries(queries, RUNS, String(size))
    const [sizes] = await db.$queryRaw<{ timers: bigint; openTimers: bigint }[]>`
      SELECT count(*) AS timers,
             count(*) FILTER (WHERE "metAt" IS NULL AND "breachedAt" IS NULL AND "cancelledAt" IS NULL) AS "openTimers"
      FROM "SlaTimer"`
    bySize[size] = {
      seedSeconds,
      timers: Number(sizes.timers),
      openTimers: Number(sizes.openTimers),
      latencyMs,
    }
  }
  const out = {
    measuredAt: new Date().toISOString(),
    machine: machineNow(),
    setup: { sizes: SIZES, spreadDays: 730, periodDays: 30, runsPerQuery: RUNS },
    bySize,
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/growth.json', JSON.stringify(out, null, 2) + '\n')
  await db.$disconnect()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
