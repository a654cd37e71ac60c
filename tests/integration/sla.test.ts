import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { createRequest } from '../../lib/requests/lifecycle'
import { replyToRequest } from '../../lib/requests/conversation'
import { startWorker } from '../../worker/index'
import { sleep, teamWithClient, useResponsePolicy, waitFor } from './helpers'

const transfer = {
  category: 'TRAVEL' as const,
  title: 'Pick-up at PVG',
  details: { service: 'AIRPORT_TRANSFER' as const, flightNumber: 'CA981', passengers: 2 },
}

const firstTimer = (requestId: string) => db.slaTimer.findFirstOrThrow({ where: { requestId, kind: 'FIRST_RESPONSE' } })
const breachEvents = (timerId: string) => db.auditEvent.count({ where: { action: 'sla.breached', entityId: timerId } })

describe('SLA clocks', () => {
  let stops: (() => Promise<void>)[] = []
  beforeEach(async () => {
    for (const stop of stops) await stop()
    stops = []
  })
  afterAll(async () => {
    for (const stop of stops) await stop()
    await stopProducer()
  })

  it('stores the first-response deadline from the database clock, 3 minutes after submission', async () => {
    await useResponsePolicy(180, 120)
    const { clientActor, butler } = await teamWithClient('Deadline')
    const request = await createRequest(clientActor, transfer)
    const timer = await firstTimer(request.id)
    expect(timer.dueAt.getTime() - timer.startedAt.getTime()).toBe(180_000)
    expect(timer.atRiskAt!.getTime() - timer.startedAt.getTime()).toBe(120_000)
    const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })
    expect(stored.assigneeId).toBe(butler.id)
    expect(stored.status).toBe('NEW')
  })

  it('a reply before the deadline meets the clock and records the time taken', async () => {
    await useResponsePolicy(180)
    const { clientActor, butlerActor } = await teamWithClient('Reply')
    const request = await createRequest(clientActor, transfer)
    await replyToRequest(butlerActor, { requestId: request.id, body: 'Car booked.', internal: false })
    const timer = await firstTimer(request.id)
    expect(timer.metAt).not.toBeNull()
    expect(timer.breachedAt).toBeNull()
    expect(timer.metAt!.getTime()).toBeLessThan(timer.dueAt.getTime())
    const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })
    expect(stored.status).toBe('ACKNOWLEDGED')
  })

  it('an internal note does not meet the clock', async () => {
    await useResponsePolicy(180)
    const { clientActor, butlerActor } = await teamWithClient('Note')
    const request = await createRequest(clientActor, transfer)
    await replyToRequest(butlerActor, { requestId: request.id, body: 'Calling the car company.', internal: true })
    expect((await firstTimer(request.id)).metAt).toBeNull()
  })

  it('the worker marks an unanswered clock breached at its deadline', async () => {
    await useResponsePolicy(1)
    stops.push(await startWorker())
    const { clientActor } = await teamWithClient('Breach')
    const request = await createRequest(clientActor, transfer)
    const timer = await waitFor(async () => {
      const t = await firstTimer(request.id)
      return t.breachedAt ? t : null
    }, 5_000)
    const lateness = timer.breachedAt!.getTime() - timer.dueAt.getTime()
    expect(lateness).toBeGreaterThanOrEqual(0)
    expect(lateness).toBeLessThan(1_500)
    expect(await breachEvents(timer.id)).toBe(1)
  })

  it('two workers racing record one breach', async () => {
    await useResponsePolicy(1)
    stops.push(await startWorker(), await startWorker())
    const { clientActor } = await teamWithClient('Race')
    const requests = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => createRequest(clientActor, { ...transfer, title: `Race ${i}` })),
    )
    await sleep(3_000)
    for (const r of requests) {
      const t = await firstTimer(r.id)
      expect(t.breachedAt).not.toBeNull()
      expect(await breachEvents(t.id)).toBe(1)
    }
  })

  it('a worker stopped before a deadline and restarted after it records the breach once, promptly', async () => {
    await useResponsePolicy(1)
    const stop = await startWorker()
    const { clientActor } = await teamWithClient('Restart')
    const request = await createRequest(clientActor, transfer)
    await stop()
    await sleep(1_800)
    expect((await firstTimer(request.id)).breachedAt).toBeNull()
    const restartedAt = Date.now()
    stops.push(await startWorker())
    const timer = await waitFor(async () => {
      const t = await firstTimer(request.id)
      return t.breachedAt ? t : null
    }, 2_000)
    expect(timer.breachedAt!.getTime() - restartedAt).toBeLessThan(2_000)
    await sleep(1_200)
    expect(await breachEvents(timer.id)).toBe(1)
  })

  it('a client message after the reply starts a next-response clock; a second one does not start another', async () => {
    await useResponsePolicy(180)
    const { clientActor, butlerActor } = await teamWithClient('Next')
    const request = await createRequest(clientActor, transfer)
    await replyToRequest(butlerActor, { requestId: request.id, body: 'On it.', internal: false })
    const { postClientMessage } = await import('../../lib/requests/conversation')
    await postClientMessage(clientActor, { requestId: request.id, body: 'Two more bags, please.' })
    await postClientMessage(clientActor, { requestId: request.id, body: 'And a child seat.' })
    const next = await db.slaTimer.findMany({ where: { requestId: request.id, kind: 'NEXT_RESPONSE' } })
    expect(next).toHaveLength(1)
    expect(next[0].metAt).toBeNull()
  })
})
