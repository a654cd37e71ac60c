// SLA mark lateness: how long after each at-risk, hand-off and breach mark the worker decides it.
// Each mode submits CLOCKS requests (one first-response clock each) spread over SPREAD_S seconds
// through the request service, lets the compiled worker (dist/worker.mjs, a separate process as
// in production) decide every mark, and reads lateness from the database (fired - mark, both by
// its clock). Modes:
//   quiet    one worker, nothing else running
//   hog      one worker while CPU hogs spin on every core
//   restart  the worker is killed (SIGKILL) mid-run and started again DOWN_S later; for marks that
//            fell due while it was down, the time from the new process's spawn to the decision
//   race     two workers: every mark decided exactly once
// Runs on the test database (wiped before each mode). Results: bench/results/sla.json.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { createSession, loadActor } from '../lib/auth/sessions'
import { db } from '../lib/db'
import { stopProducer } from '../lib/jobs/boss'
import { createRequest } from '../lib/requests/lifecycle'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createStaff } from '../tests/factories'
import { summarise } from './stats'
import { runBench } from './harness'

const CLOCKS = Number(process.env.BENCH_CLOCKS ?? 1000)
const SPREAD_S = Number(process.env.BENCH_SPREAD_S ?? 60)
const MODES = (process.env.BENCH_MODES ?? 'quiet,hog,restart,race').split(',') as Mode[]
const POLICY = { targetSeconds: 10, atRiskSeconds: 4, handoffSeconds: 7 }
const DOWN_S = 4
const GOALS = { quietP99Ms: 50, hogP99Ms: 500, overdueAfterStartMs: 1000 }

type Mode = 'quiet' | 'hog' | 'restart' | 'race'
type MarkRow = { mark: 'breach' | 'atRisk' | 'handoff'; markAt: Date; firedAt: Date | null }

// Whatever this run started dies with it, however it ends.
const children = new Set<ChildProcess>()
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL')
})
const track = (c: ChildProcess) => {
  children.add(c)
  c.once('exit', () => children.delete(c))
  return c
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const dbNow = async () => (await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`)[0].now

function startWorker(): ChildProcess {
  return track(
    spawn(process.execPath, ['dist/worker.mjs'], {
      env: { ...process.env, PROCESS_NAME: 'worker', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
  )
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill(signal)
  await exited
}

async function workersBeating(n: number) {
  for (let i = 0; i < 600; i++) {
    if ((await db.workerHeartbeat.count()) >= n) return
    await sleep(50)
  }
  throw new Error('worker did not start')
}

async function setUp() {
  await resetDatabase(process.env.DATABASE_URL!)
  await db.slaPolicy.createMany({ data: [{ kind: 'FIRST_RESPONSE', ...POLICY }] })
  const butler = await createStaff(db, { name: 'Bench Butler' })
  const backup = await createStaff(db, { name: 'Bench Backup' })
  const actors = []
  for (let i = 0; i < 20; i++) {
    const c = await createClient(db, { name: `Bench ${i}`, dedicatedButlerId: butler.id, backupButlerId: backup.id })
    actors.push((await loadActor(await createSession(c.userId)))!)
  }
  return actors
}

async function runMode(mode: Mode) {
  const actors = await setUp()
  const hogs =
    mode === 'hog'
      ? os.cpus().map(() => track(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' })))
      : []
  const workerCount = mode === 'race' ? 2 : 1
  let workers = Array.from({ length: workerCount }, startWorker)
  await workersBeating(workerCount)

  let restart: { killedAt: Date; spawnedAt: Date } | null = null
  const killAtIndex = Math.floor(CLOCKS * 0.4)
  const started = Date.now()
  const gap = (SPREAD_S * 1000) / CLOCKS
  for (let i = 0; i < CLOCKS; i++) {
    const wait = started + i * gap - Date.now()
    if (wait > 0) await sleep(wait)
    if (mode === 'restart' && i === killAtIndex) {
      const killedAt = await dbNow()
      await stopProcess(workers[0], 'SIGKILL')
      // Restart after DOWN_S without stopping submissions, so marks fall due meanwhile.
      setTimeout(() => {
        void dbNow().then((spawnedAt) => {
          workers = [startWorker()]
          restart = { killedAt, spawnedAt }
        })
      }, DOWN_S * 1000)
    }
    await createRequest(actors[i % actors.length], { category: 'OTHER', title: `Bench ${i}`, details: {} })
  }
  const submitSeconds = (Date.now() - started) / 1000
  console.log(`[${mode}] submitted ${CLOCKS} clocks in ${submitSeconds.toFixed(1)} s; waiting for their marks`)

  const deadline = Date.now() + (POLICY.targetSeconds + 30) * 1000
  while (Date.now() < deadline) {
    const open = await db.slaTimer.count({ where: { kind: 'FIRST_RESPONSE', breachedAt: null } })
    if (open === 0 && (mode !== 'restart' || restart)) break
    await sleep(500)
  }
  for (const w of workers) await stopProcess(w, 'SIGTERM')
  for (const h of hogs) await stopProcess(h, 'SIGKILL')

  const rows = await db.$queryRaw<MarkRow[]>`
    SELECT 'breach' AS mark, "dueAt" AS "markAt", "breachedAt" AS "firedAt" FROM "SlaTimer" WHERE kind = 'FIRST_RESPONSE'
    UNION ALL SELECT 'atRisk', "atRiskAt", "atRiskFiredAt" FROM "SlaTimer" WHERE kind = 'FIRST_RESPONSE'
    UNION ALL SELECT 'handoff', "handoffAt", "handoffFiredAt" FROM "SlaTimer" WHERE kind = 'FIRST_RESPONSE'`
  const r = restart as { killedAt: Date; spawnedAt: Date } | null
  // Marks that fell due before the new process was spawned and were left to it are measured
  // from its spawn instead.
  const overdueAtStart = (m: MarkRow) =>
    r !== null &&
    m.firedAt !== null &&
    m.markAt.getTime() < r.spawnedAt.getTime() &&
    m.firedAt.getTime() >= r.killedAt.getTime()
  const lateness = (mark: MarkRow['mark']) =>
    summarise(
      rows
        .filter((m) => m.mark === mark && m.firedAt && !overdueAtStart(m))
        .map((m) => m.firedAt!.getTime() - m.markAt.getTime()),
    )
  const counts = await db.$queryRaw<{ action: string; events: bigint; entities: bigint }[]>`
    SELECT action, count(*) AS events, count(DISTINCT "entityId") AS entities FROM "AuditEvent"
    WHERE action IN ('sla.breached', 'sla.at_risk', 'request.offered') GROUP BY action`
  const count = (action: string) => counts.find((c) => c.action === action)
  const undecided = rows.filter((m) => !m.firedAt).length
  const result = {
    clocks: CLOCKS,
    submitSeconds: Math.round(submitSeconds * 10) / 10,
    workers: workerCount,
    cpuHogs: hogs.length,
    marksUndecided: undecided,
    breachLatenessMs: lateness('breach'),
    atRiskLatenessMs: lateness('atRisk'),
    handoffLatenessMs: lateness('handoff'),
    ...(r && {
      restart: {
        downSeconds: (r.spawnedAt.getTime() - r.killedAt.getTime()) / 1000,
        overdueMarksDecidedAfterSpawnMs: summarise(
          rows.filter((m) => overdueAtStart(m) && m.firedAt).map((m) => m.firedAt!.getTime() - r.spawnedAt.getTime()),
        ),
      },
    }),
    // Exactly once: one audit event per breached (and per at-risk) clock; at most two offers
    // (backup, then everyone) per request.
    decidedOnce: {
      breachEvents: Number(count('sla.breached')?.events ?? 0),
      breachedClocks: Number(count('sla.breached')?.entities ?? 0),
      atRiskEvents: Number(count('sla.at_risk')?.events ?? 0),
      atRiskClocks: Number(count('sla.at_risk')?.entities ?? 0),
      offerEvents: Number(count('request.offered')?.events ?? 0),
    },
  }
  console.log(`[${mode}]`, JSON.stringify(result))
  return result
}

async function main() {
  const build = spawnSync(process.execPath, ['scripts/build-worker.mjs'], { stdio: 'inherit' })
  if (build.status !== 0) throw new Error('worker build failed')
  const modes: Partial<Record<Mode, Awaited<ReturnType<typeof runMode>>>> = {}
  for (const mode of MODES) modes[mode] = await runMode(mode)

  const once = (m: NonNullable<(typeof modes)[Mode]>) =>
    m.marksUndecided === 0 &&
    m.decidedOnce.breachEvents === CLOCKS &&
    m.decidedOnce.breachedClocks === CLOCKS &&
    m.decidedOnce.atRiskEvents === m.decidedOnce.atRiskClocks &&
    m.decidedOnce.offerEvents <= 2 * CLOCKS
  const p99 = (m: NonNullable<(typeof modes)[Mode]>) =>
    Math.max(
      m.breachLatenessMs.p99 ?? Infinity,
      m.atRiskLatenessMs.p99 ?? Infinity,
      m.handoffLatenessMs.p99 ?? Infinity,
    )
  const checks = {
    everyMarkDecidedOnce: Object.values(modes).every(once),
    quietP99: modes.quiet ? p99(modes.quiet) <= GOALS.quietP99Ms : null,
    hogP99: modes.hog ? p99(modes.hog) <= GOALS.hogP99Ms : null,
    overdueAfterStart: modes.restart?.restart
      ? (modes.restart.restart.overdueMarksDecidedAfterSpawnMs.max ?? Infinity) <= GOALS.overdueAfterStartMs
      : null,
  }
  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    setup: {
      clocksPerMode: CLOCKS,
      submittedOverSeconds: SPREAD_S,
      policySeconds: POLICY,
      workerDownSeconds: DOWN_S,
      worker: 'dist/worker.mjs (esbuild)',
    },
    goals: GOALS,
    checks,
    modes,
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/sla.json', JSON.stringify(result, null, 2) + '\n')
  console.log(JSON.stringify({ checks }, null, 2))
  await stopProducer()
  await db.$disconnect()
  process.exit(Object.values(checks).every((c) => c !== false) ? 0 : 1)
}

runBench(main)
