// What grows with history and what must not: seeds each size in BENCH_SIZES (requests over two
// years with their clocks, ratings and two messages each, as bench:dashboard does, then every
// past day rolled up as the worker would) and times the butler's console (the queue page with
// its counts and last messages, a search that reads messages, a request page with its thread),
// the SLA timer's sweep (the next mark and the due-marks claim) and the dashboard KPIs for a
// 30-day period. Writes bench/results/growth.json. Runs on the test database (wiped for each
// size).
import { mkdirSync, writeFileSync } from 'node:fs'
import { createSession, loadActor } from '../lib/auth/sessions'
import { consoleQueue } from '../lib/console/queue'
import { db } from '../lib/db'
import {
  categoryMix,
  delight,
  drillDown,
  firstContactResolution,
  firstResponseKpi,
  resolutionByCategory,
} from '../lib/kpi/queries'
import { getRequestDetail, listRequests } from '../lib/requests/queries'
import { decideDueMarks, nextMark } from '../lib/sla/service'
import { seedRequests } from './seed'
import { machineNow, timeQueries } from './timing'

const SIZES = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)

async function main() {
  const bySize: Record<string, unknown> = {}
  for (const size of SIZES) {
    const { supervisorId, butlerId, seedSeconds, rollupSeconds } = await seedRequests(size)
    const supervisor = (await loadActor(await createSession(supervisorId)))!
    const butler = (await loadActor(await createSession(butlerId)))!
    const open = await db.serviceRequest.findFirstOrThrow({
      where: { assigneeId: butlerId, status: 'IN_PROGRESS' },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    })
    const to = new Date()
    const period = { from: new Date(to.getTime() - 30 * 86_400_000), to }
    const queries: Record<string, () => Promise<unknown>> = {
      consoleQueue: () => consoleQueue(butler, { view: 'mine' }),
      consoleSearch: () => consoleQueue(butler, { view: 'all', filters: { q: 'in hand' } }),
      requestPage: () => getRequestDetail(butler, open.id),
      liveBoard: () => listRequests(butler, { openOnly: true, take: 500 }),
      sweepNextMark: () => nextMark(),
      sweepDueMarks: () => decideDueMarks(200),
      firstResponse: () => firstResponseKpi(supervisor, period),
      resolutionByCategory: () => resolutionByCategory(supervisor, period),
      firstContactResolution: () => firstContactResolution(supervisor, period),
      categoryMix: () => categoryMix(supervisor, period),
      delight: () => delight(supervisor, period),
      drillDownBreached: () => drillDown(supervisor, period, 'breached'),
    }
    const latencyMs = await timeQueries(queries, RUNS, String(size))
    const [sizes] = await db.$queryRaw<
      { timers: bigint; openTimers: bigint; messages: bigint; messageMonths: bigint; bytes: bigint }[]
    >`
      SELECT count(*) AS timers,
             count(*) FILTER (WHERE "metAt" IS NULL AND "breachedAt" IS NULL AND "cancelledAt" IS NULL) AS "openTimers",
             (SELECT count(*) FROM "Message") AS messages,
             (SELECT count(*) FROM pg_inherits WHERE inhparent = '"Message"'::regclass) AS "messageMonths",
             pg_database_size(current_database()) AS bytes
      FROM "SlaTimer"`
    bySize[size] = {
      seedSeconds,
      rollupSeconds,
      timers: Number(sizes.timers),
      openTimers: Number(sizes.openTimers),
      messages: Number(sizes.messages),
      messagePartitions: Number(sizes.messageMonths),
      databaseGiB: Math.round((Number(sizes.bytes) / 2 ** 30) * 10) / 10,
      machineAfter: machineNow(),
      latencyMs,
    }
    // Written after each size, so a long run leaves its first figures even if stopped.
    writeOut(bySize)
  }
  await db.$disconnect()
}

function writeOut(bySize: Record<string, unknown>) {
  const out = {
    measuredAt: new Date().toISOString(),
    machine: machineNow(),
    setup: { sizes: SIZES, spreadDays: 730, periodDays: 30, runsPerQuery: RUNS },
    bySize,
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(process.env.BENCH_OUT ?? 'bench/results/growth.json', JSON.stringify(out, null, 2) + '\n')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
