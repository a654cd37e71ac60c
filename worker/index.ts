import { randomUUID } from 'node:crypto'
import { db } from '../lib/db'
import { env } from '../lib/env'
import { createBoss, QUEUES } from '../lib/jobs/boss'
import { log } from '../lib/log'
import { generateCareTasks } from '../lib/care/service'
import { startChannelWork } from '../lib/channels/worker'
import { sendOutboxEmail } from '../lib/notifications/send'
import { sampleWeek } from '../lib/quality/service'
import { syncDutyFromRoster } from '../lib/roster/service'
import { decideAtRisk, decideBreach, decideHandoff, sweepOverdue } from '../lib/sla/service'

const HEARTBEAT_MS = 5_000
const SWEEP_MS = 5_000

// The worker: SLA deadlines (and, later, notifications, care tasks, QA sampling).
// Jobs live in PostgreSQL, so any number of copies may run and restarts lose nothing.
export async function startWorker() {
  const id = `worker-${randomUUID()}`
  const startedAt = new Date()
  const boss = await createBoss('worker')

  // After downtime, decide whatever fell due while nobody was watching, before anything else.
  await sweepOverdue()

  const marks = [
    [QUEUES.slaDeadline, decideBreach],
    [QUEUES.slaHandoff, decideHandoff],
    [QUEUES.slaAtRisk, decideAtRisk],
  ] as const
  for (const [queue, decide] of marks) {
    await boss.work<{ timerId: string }>(
      queue,
      { batchSize: 20, pollingIntervalSeconds: env().WORKER_POLL_SECONDS },
      async (jobs) => {
        for (const job of jobs) await decide(job.data.timerId)
      },
    )
  }

  await boss.work<{ outboxId: string }>(QUEUES.sendEmail, { batchSize: 5, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await sendOutboxEmail(job.data.outboxId)
  })
  await startChannelWork(boss)

  // Quality sampling each Monday; the roster turns butlers on and off duty at shift edges.
  await boss.work(QUEUES.qaSample, async () => { await sampleWeek(new Date(), env().QA_SAMPLE_SIZE) })
  await boss.schedule(QUEUES.qaSample, '30 0 * * 1', null, { tz: 'UTC' })
  await boss.work(QUEUES.rosterSync, async () => { await syncDutyFromRoster(new Date()) })
  await boss.schedule(QUEUES.rosterSync, '* * * * *', null, { tz: 'UTC' })

  // Proactive care: daily shortly after midnight UTC, and once now so a restart never skips a day.
  await boss.work(QUEUES.careScan, async () => { await generateCareTasks(new Date(), env().CARE_LEAD_DAYS) })
  await boss.schedule(QUEUES.careScan, '5 0 * * *', null, { tz: 'UTC' })
  await generateCareTasks(new Date(), env().CARE_LEAD_DAYS).catch((e) => log.warn({ err: String(e) }, 'care scan failed'))

  const beat = async () => {
    await db.workerHeartbeat.upsert({
      where: { id }, create: { id, startedAt, seenAt: new Date() }, update: { seenAt: new Date() },
    })
  }
  await beat()
  const heartbeat = setInterval(() => void beat().catch((e) => log.warn({ err: String(e) }, 'heartbeat failed')), HEARTBEAT_MS)
  // Backstop for jobs lost outside the database's guarantees (e.g. a queue purge).
  const sweeper = setInterval(() => void sweepOverdue().catch((e) => log.warn({ err: String(e) }, 'sweep failed')), SWEEP_MS)

  log.info({ id }, 'worker started')
  let stopping = false
  return async function stop() {
    if (stopping) return
    stopping = true
    clearInterval(heartbeat)
    clearInterval(sweeper)
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
