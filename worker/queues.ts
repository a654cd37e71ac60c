import type { Job, PgBoss } from 'pg-boss'
import { generateCareTasks } from '../lib/care/service'
import { env } from '../lib/env'
import { startChannelWork } from '../lib/channels/worker'
import { createBoss, QUEUES } from '../lib/jobs/boss'
import { log, withLogContext } from '../lib/log'
import { sendOutboxEmail } from '../lib/notifications/send'
import { startPushWork } from '../lib/push/worker'
import { sampleWeek } from '../lib/quality/service'
import { syncDutyFromRoster } from '../lib/roster/service'

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

// The worker's job queue: mail and cron work.
export async function startQueues() {
  const boss = await createBoss('worker')
  try {
    await registerWork(boss)
  } catch (e) {
    await boss.stop({ graceful: false }).catch(() => {})
    throw e
  }
  return boss
}

async function registerWork(boss: PgBoss) {
  await boss.work<{ outboxId: string }>(
    QUEUES.sendEmail,
    { batchSize: 5, pollingIntervalSeconds: 1 },
    handle(QUEUES.sendEmail, (data) => sendOutboxEmail(data.outboxId)),
  )
  await startChannelWork(boss)
  await startPushWork(boss)

  // Quality sampling each Monday; the roster turns butlers on and off duty at shift edges.
  await boss.work(
    QUEUES.qaSample,
    handle(QUEUES.qaSample, () => sampleWeek(new Date(), env().QA_SAMPLE_SIZE)),
  )
  await boss.schedule(QUEUES.qaSample, '30 0 * * 1', null, { tz: 'UTC' })
  await boss.work(
    QUEUES.rosterSync,
    handle(QUEUES.rosterSync, () => syncDutyFromRoster(new Date())),
  )
  await boss.schedule(QUEUES.rosterSync, '* * * * *', null, { tz: 'UTC' })

  // Proactive care: daily shortly after midnight UTC, and once now so a restart never skips a day.
  await boss.work(
    QUEUES.careScan,
    handle(QUEUES.careScan, () => generateCareTasks(new Date(), env().CARE_LEAD_DAYS)),
  )
  await boss.schedule(QUEUES.careScan, '5 0 * * *', null, { tz: 'UTC' })
  await withLogContext(null, () => generateCareTasks(new Date(), env().CARE_LEAD_DAYS)).catch((err) =>
    log.error({ err }, 'care scan at start failed'),
  )
}
