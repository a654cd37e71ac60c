import { describe, expect, it } from 'vitest'
import { createBoss, JOB_POLICY, QUEUES } from '../../lib/jobs/boss'
import { waitFor } from './helpers'

describe('the job queue', () => {
  it('a job its worker took and never settled (the worker died) is taken up again within seconds', async () => {
    const boss = await createBoss('worker')
    try {
      expect(await boss.getQueue(QUEUES.sendPush)).toMatchObject(JOB_POLICY)
      const id = await boss.send(QUEUES.sendPush, { ids: [] })
      // Taken as a handler takes it, then never completed nor failed: its worker is gone.
      const [taken] = await boss.fetch(QUEUES.sendPush)
      expect(taken.id).toBe(id)
      const started = Date.now()
      // The running worker's own supervision fails it when its beat goes silent, and it is retried.
      const again = await waitFor(
        async () => (await boss.fetch(QUEUES.sendPush, { includeMetadata: true }))[0],
        45_000,
        250,
      )
      expect(again).toMatchObject({ id, retryCount: 1 })
      expect(Date.now() - started).toBeLessThan(35_000)
    } finally {
      await boss.stop({ graceful: false })
    }
  }, 60_000)
})
