// Breach-detection lateness: schedules CLOCKS first-response clocks whose deadlines fall over
// a few minutes, lets the worker (a separate process, as in production) decide them, and
// measures breachedAt - dueAt. Runs on the test database (it is wiped first).
import { spawn } from 'node:child_process'
import { writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import { loadActor, createSession } from '../lib/auth/sessions'
import { db } from '../lib/db'
import { stopProducer } from '../lib/jobs/boss'
import { createRequest } from '../lib/requests/lifecycle'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createStaff } from '../tests/factories'
import { summarise } from './stats'

const CLOCKS = Number(process.env.BENCH_CLOCKS ?? 1000)
const SPREAD_S = Number(process.env.BENCH_SPREAD_S ?? 120)
const TARGET_S = 60

async function main() {
  await resetDatabase(process.env.DATABASE_URL!)
  await db.slaPolicy.createMany({
    data: [{ kind: 'FIRST_RESPONSE', targetSeconds: TARGET_S, atRiskSeconds: 40, handoffSeconds: 50 }],
  })
  const butler = await createStaff(db, { name: 'Bench Butler' })
  const backup = await createStaff(db, { name: 'Bench Backup' })
  const actors = []
  for (let i = 0; i < 20; i++) {
    const c = await createClient(db, { name: `Bench ${i}`, dedicatedButlerId: butler.id, backupButlerId: backup.id })
    actors.push((await loadActor(await createSession(c.userId)))!)
  }

  const worker = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'worker/index.ts'], {
    env: { ...process.env, PROCESS_NAME: 'worker', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'],
  })

  const started = Date.now()
  const gap = (SPREAD_S * 1000) / CLOCKS
  for (let i = 0; i < CLOCKS; i++) {
    const wait = started + i * gap - Date.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    await createRequest(actors[i % actors.length], {
      category: 'OTHER', title: `Bench ${i}`, details: {},
    })
  }
  console.log(`scheduled ${CLOCKS} clocks in ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for deadlines`)

  const deadline = Date.now() + (TARGET_S + 60) * 1000
  for (;;) {
    const open = await db.slaTimer.count({ where: { kind: 'FIRST_RESPONSE', breachedAt: null } })
    if (open === 0 || Date.now() > deadline) break
    await new Promise((r) => setTimeout(r, 1000))
  }
  worker.kill('SIGTERM')

  const rows = await db.$queryRaw<{ breach: number | null; atrisk: number | null; handoff: number | null }[]>`
    SELECT EXTRACT(EPOCH FROM "breachedAt" - "dueAt") * 1000 AS breach,
           EXTRACT(EPOCH FROM "atRiskFiredAt" - "atRiskAt") * 1000 AS atrisk,
           EXTRACT(EPOCH FROM "handoffFiredAt" - "handoffAt") * 1000 AS handoff
    FROM "SlaTimer" WHERE kind = 'FIRST_RESPONSE'`
  const values = (k: 'breach' | 'atrisk' | 'handoff') => rows.map((r) => r[k]).filter((v): v is number => v !== null).map(Number)
  const breachEvents = await db.auditEvent.count({ where: { action: 'sla.breached' } })
  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    setup: { clocks: CLOCKS, deadlinesSpreadOverSeconds: SPREAD_S, targetSeconds: TARGET_S, workers: 1, pollSeconds: 0.5 },
    clocksDue: rows.length,
    breachesRecorded: values('breach').length,
    breachAuditEvents: breachEvents,
    breachLatenessMs: summarise(values('breach')),
    atRiskLatenessMs: summarise(values('atrisk')),
    handoffLatenessMs: summarise(values('handoff')),
    goal: 'p99 breach lateness <= 1000 ms',
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/sla.json', JSON.stringify(result, null, 2) + '\n')
  console.log(JSON.stringify(result, null, 2))
  await stopProducer()
  await db.$disconnect()
  const ok = result.breachesRecorded === result.clocksDue && (result.breachLatenessMs.p99 ?? Infinity) <= 1000
  process.exit(ok ? 0 : 1)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
