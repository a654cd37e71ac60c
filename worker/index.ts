import { randomUUID } from 'node:crypto'
import { db } from '../lib/db'
import { ensureHistoryPartitions } from '../lib/db/partitions'
import { rollupKpiDays } from '../lib/kpi/rollup'
import { log } from '../lib/log'
import { startSlaTimer } from '../lib/sla/timer'

const HEARTBEAT_MS = 5_000
// A start that fails for want of the database is tried again, waiting 1, 2, 4, 8, then 10 s.
const START_RETRY_MAX_MS = 10_000

// Monthly partitions are kept two months ahead; looking a few times a day is plenty.
const PARTITIONS_MS = 6 * 3600_000
// Daily KPI roll-ups: yesterday once it has settled, and any day changed since its roll-up
// (read live meanwhile, so this only decides how soon a period is cheap again).
const KPI_ROLLUP_MS = 5 * 60_000

// Started while the database (or PgBouncer in front of it) is unreachable, a worker waits for it
// instead of exiting: a worker restarted during an outage is deciding marks and sending mail as
// soon as the database is back, whether or not something restarts it.
async function untilStarted<T>(what: string, start: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start()
    } catch (err) {
      const retryMs = Math.min(1000 * 2 ** (attempt - 1), START_RETRY_MAX_MS)
      log.error({ err, attempt, retryMs }, `${what} could not start; trying again`)
      await new Promise((r) => setTimeout(r, retryMs))
    }
  }
}

// The worker: SLA marks, mail, care tasks, QA sampling, roster. Everything it works from lives in
// PostgreSQL, so any number of copies may run and a restart loses nothing.
export async function startWorker() {
  const id = `worker-${randomUUID()}`
  const startedAt = new Date()

  // SLA marks first: what fell due while no worker was running is decided before anything else.
  const slaTimer = await startSlaTimer()
  log.info({ msSinceProcessStart: Math.round(performance.now()) }, 'overdue sla marks decided; timer armed')
  // The job queue and its handlers (pg-boss, mail...) are loaded only now, so that loading them
  // never delays the overdue SLA decisions above.
  const { startQueues } = await import('./queues')
  const boss = await untilStarted('job queue', startQueues)

  const beat = async () => {
    await db.workerHeartbeat.upsert({
      where: { id },
      create: { id, startedAt, seenAt: new Date() },
      update: { seenAt: new Date() },
    })
  }
  await beat().catch((err) => log.error({ err }, 'heartbeat failed'))
  const heartbeat = setInterval(() => void beat().catch((err) => log.error({ err }, 'heartbeat failed')), HEARTBEAT_MS)

  const partitions = () => ensureHistoryPartitions().catch((err) => log.error({ err }, 'history partitions failed'))
  await partitions()
  const partitionTimer = setInterval(() => void partitions(), PARTITIONS_MS)

  // In the background: after an upgrade the first pass rolls up all of history (about 10 s per
  // million requests), which must not hold the worker's start. One pass at a time.
  let rolling: Promise<unknown> | null = null
  const stopRollups = new AbortController()
  const rollups = () => {
    rolling ??= rollupKpiDays({ signal: stopRollups.signal })
      .catch((err) => log.error({ err }, 'kpi roll-ups failed'))
      .finally(() => (rolling = null))
  }
  rollups()
  const rollupTimer = setInterval(rollups, KPI_ROLLUP_MS)

  log.info({ id }, 'worker started')
  let stopping = false
  return async function stop() {
    if (stopping) return
    stopping = true
    clearInterval(heartbeat)
    clearInterval(partitionTimer)
    clearInterval(rollupTimer)
    stopRollups.abort()
    await rolling
    await slaTimer.stop()
    await boss.stop({ graceful: true, timeout: 5_000 })
    await db.workerHeartbeat.delete({ where: { id } }).catch(() => {})
    log.info({ id }, 'worker stopped')
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isMain) {
  const stop = await startWorker()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(0)))
  }
}
