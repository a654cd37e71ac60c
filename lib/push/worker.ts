import 'server-only'
import type { PgBoss } from 'pg-boss'
import { QUEUES } from '../jobs/boss'
import { sendPushDeliveries } from './send'

// The worker sends pushes, polling at pg-boss's shortest interval (an alert is urgent); retries
// are scheduled by the sender itself, with backoff.
export async function startPushWork(boss: PgBoss) {
  await boss.work<{ ids: string[] }>(QUEUES.sendPush, { batchSize: 10, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) await sendPushDeliveries(job.data.ids)
  })
}
