import { randomUUID } from 'node:crypto'
import type { Job, PgBoss } from 'pg-boss'
import { db } from '../lib/db'
import { env } from '../lib/env'
import { createBoss, QUEUES } from '../lib/jobs/boss'
import { log, withLogContext } from '../lib/log'
import { generateCareTasks } from '../lib/care/service'
import { sendOutboxEmail } from '../lib/notifications/send'
import { sampleWeek } from '../lib/quality/service'
import { syncDutyFromRoster } from '../lib/roster/service'
import { startSlaTimer } from '../lib/sla/timer'

const HEARTBEAT_MS = 5_000

// Each job runs under its own correlation id (the job's); a failure is logged with its stack
// and rethrown, so pg-boss retries it.
function handle<T>(queue: string, run: (data: T) => Promise<unknown>) {
  return async (jobs: Job<T>[]) => {
    for (const job of jobs) {
      await withLogContext(job.id, async () => {
        try {
          await run(job.data)
        } catch (err) {
          log.error({ err, queue, jobId: job.id }, 'job failed')
          throw err
        }
      })
    }
  }
}

async function workQueues(boss: PgBoss) {
  await boss.work<{ outboxId: string }>(QUEUES.sendEmail, { batchSize: 5, pollingIntervalSeconds: 1 },
    handle(QUEUES.sendEmail, (data) => sendOutboxEmail(data.outboxId)))

  // Quality sampling each Monday; the roster turns butlers on and off duty at shift edges.
  await boss.work(QUEUES.qaSample, handle(QUEUES.qaSample, () => sampleWeek(new Date(), env().QA_SAMPLE_SIZE)))
  await boss.schedule(QUEUES.qaSample, '30 0 * * 1', null, { tz: 'UTC' })
  await boss.work(QUEUES.rosterSync, handle(QUEUES.rosterSync, () => syncDutyFromRoster(new Date())))
  await boss.schedule(QUEUES.rosterSync, '* * * * *', null, { tz: 'UTC' })

  // Proactive care: daily shortly after midnight UTC, and once now so a restart never skips a day.
  await boss.work(QUEUES.careScan, handle(QUEUES.careScan, () => generateCareTasks(new Date(), env().CARE_LEAD_DAYS)))
  await boss.schedule(QUEUES.careScan, '5 0 * * *', null, { tz: 'UTC' })
  await withLogContext(null, () => generateCareTasks(new Date(), env().CARE_LEAD_DAYS))
    .catch((err) => log.error({ err }, 'care scan at start failed'))
}

// The worker: SLA marks, mail, care tasks, QA sampling, roster. Everything it works from lives in
// PostgreSQL, so any number of copies may run and a restart loses nothing.
export async function startWorker() {
  const id = `worker-${randomUUID()}`
  const startedAt = new Date()

  // SLA marks first: what fell due while no worker was running is decided before anything else.
  const slaTimer = await startSlaTimer()
  log.info({ msSinceProcessStart: Math.round(performance.now()) }, 'overdue sla marks decided; timer armed')
  const boss = await createBoss('worker')
  await workQueues(boss)

  const beat = async () => {
    await db.workerHeartbeat.upsert({
      where: { id }, create: { id, startedAt, seenAt: new Date() }, update: { seenAt: new Date() },
    })
  }
  await beat()
  const heartbeat = setInterval(() => void beat().catch((err) => log.error({ err }, 'heartbeat failed')), HEARTBEAT_MS)

  log.info({ id }, 'worker started')
  let stopping = false
  return async function stop() {
    if (stopping) return
    stopping = true
    clearInterval(heartbeat)
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
