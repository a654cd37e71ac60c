import 'server-only'
import type { PgBoss } from 'pg-boss'
import { QUEUES } from '../jobs/boss'
import { pollChannels } from './inbound'
import { sendChannelDelivery } from './outbound'

// Everything the worker does for channels: send replies (retries are scheduled by the sender
// itself, with backoff) and, every minute, pull what a lost callback may have left behind.
export async function startChannelWork(boss: PgBoss) {
  await boss.work<{ deliveryId: string }>(
    QUEUES.channelSend,
    { batchSize: 5, pollingIntervalSeconds: 1 },
    async (jobs) => {
      for (const job of jobs) await sendChannelDelivery(job.data.deliveryId)
    },
  )
  await boss.work(QUEUES.channelPoll, async () => {
    await pollChannels()
  })
  await boss.schedule(QUEUES.channelPoll, '* * * * *', null, { tz: 'UTC' })
}
