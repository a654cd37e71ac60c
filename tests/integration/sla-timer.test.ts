import pg from 'pg'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { createRequest } from '../../lib/requests/lifecycle'
import { NEXT_MARK_QUERY } from '../../lib/sla/service'
import { startSlaTimer, type SlaTimerLoop } from '../../lib/sla/timer'
import { sleep, teamWithClient, useResponsePolicy, waitFor } from './helpers'

const lounge = { category: 'TRAVEL' as const, title: 'Lounge', details: { service: 'LOUNGE' as const, passengers: 1 } }
const firstTimer = (requestId: string) => db.slaTimer.findFirstOrThrow({ where: { requestId, kind: 'FIRST_RESPONSE' } })
const audits = (timerId: string, action: string) => db.auditEvent.count({ where: { entityId: timerId, action } })

// A loop that could only find a new mark through NOTIFY: its safety sweep is far away.
const NO_SWEEP = { safetySweepMs: 60_000 }
// Lateness allowed in these tests: the goal is tens of milliseconds; the margin is for a busy
// shared test machine, and still far below pg-boss's 0.5 s poll.
const LATE_MS = 300

describe('SLA timer loop', () => {
  let loops: SlaTimerLoop[] = []
  afterEach(async () => {
    for (const loop of loops) await loop.stop()
    loops = []
  })
  afterAll(stopProducer)

  it('a submission writes no job rows: its clocks are watched by the timer, not queued', async () => {
    await useResponsePolicy(180, 120)
    const { clientActor } = await teamWithClient('No jobs')
    const jobs = async () => Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job`)[0].n)
    const before = await jobs()
    await createRequest(clientActor, lounge)
    expect(await jobs()).toBe(before)
  })

  it('two racing loops decide near marks within the bound, each exactly once, re-armed by NOTIFY', async () => {
    const { clientActor } = await teamWithClient('Race')
    loops.push(await startSlaTimer(NO_SWEEP), await startSlaTimer(NO_SWEEP))
    // A far clock first, so both loops are armed a long way off; the near ones must wake them.
    await useResponsePolicy(600, 500)
    await createRequest(clientActor, { ...lounge, title: 'Far' })
    await useResponsePolicy(3, 1)
    await db.slaPolicy.updateMany({ where: { kind: 'FIRST_RESPONSE' }, data: { handoffSeconds: 2 } })
    const requests = []
    for (let i = 0; i < 6; i++) {
      requests.push(await createRequest(clientActor, { ...lounge, title: `Near ${i}` }))
      await sleep(90)
    }
    for (const r of requests) {
      const t = await waitFor(async () => {
        const row = await firstTimer(r.id)
        return row.breachedAt ? row : null
      }, 5_000)
      expect(t.breachedAt!.getTime() - t.dueAt.getTime()).toBeGreaterThanOrEqual(0)
      expect(t.breachedAt!.getTime() - t.dueAt.getTime()).toBeLessThan(LATE_MS)
      expect(t.atRiskFiredAt!.getTime() - t.atRiskAt!.getTime()).toBeLessThan(LATE_MS)
      expect(t.handoffFiredAt!.getTime() - t.handoffAt!.getTime()).toBeLessThan(LATE_MS)
    }
    await sleep(300)
    for (const r of requests) {
      const t = await firstTimer(r.id)
      expect(await audits(t.id, 'sla.breached')).toBe(1)
      expect(await audits(t.id, 'sla.at_risk')).toBe(1)
      expect(await db.auditEvent.count({ where: { entityId: r.id, action: 'request.offered' } })).toBe(2)
    }
  })

  it("the events a batch of decisions publishes carry each request's audience, like every other event", async () => {
    await useResponsePolicy(1)
    const { clientActor, butlerActor } = await teamWithClient('Audience')
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await listener.connect()
    const heard: { type: string; requestId: string; state?: string; audience?: unknown }[] = []
    listener.on('notification', (m) => m.payload && heard.push(JSON.parse(m.payload)))
    await listener.query('LISTEN db_events')
    try {
      const request = await createRequest(clientActor, { ...lounge, title: 'Heard' })
      loops.push(await startSlaTimer(NO_SWEEP))
      const breach = await waitFor(
        async () => heard.find((e) => e.requestId === request.id && e.type === 'sla.changed' && e.state === 'BREACHED'),
        5_000,
      )
      expect(breach.audience).toEqual(expect.arrayContaining([clientActor.userId, butlerActor.userId]))
    } finally {
      await listener.end()
    }
  })

  it('a loop started after marks fell due decides them all before it returns, then keeps watching', async () => {
    await useResponsePolicy(1)
    const { clientActor } = await teamWithClient('Downtime')
    const overdue = []
    for (let i = 0; i < 5; i++) overdue.push(await createRequest(clientActor, { ...lounge, title: `Overdue ${i}` }))
    await sleep(1_300)
    for (const r of overdue) expect((await firstTimer(r.id)).breachedAt).toBeNull()

    const startedAt = new Date()
    loops.push(await startSlaTimer(NO_SWEEP))
    for (const r of overdue) {
      const t = await firstTimer(r.id)
      expect(t.breachedAt).not.toBeNull()
      expect(t.breachedAt!.getTime() - startedAt.getTime()).toBeLessThan(1_000)
      expect(await audits(t.id, 'sla.breached')).toBe(1)
    }

    const later = await createRequest(clientActor, { ...lounge, title: 'After start' })
    const t = await waitFor(async () => {
      const row = await firstTimer(later.id)
      return row.breachedAt ? row : null
    }, 3_000)
    expect(t.breachedAt!.getTime() - t.dueAt.getTime()).toBeLessThan(LATE_MS)
  })

  it('a paused clock is not decided; resumed, its shifted deadline is', async () => {
    await useResponsePolicy(1)
    loops.push(await startSlaTimer(NO_SWEEP))
    const { clientActor } = await teamWithClient('Paused')
    const r = await createRequest(clientActor, lounge)
    await db.$executeRaw`UPDATE "SlaTimer" SET "pausedAt" = clock_timestamp() WHERE "requestId" = ${r.id} AND kind = 'FIRST_RESPONSE'`
    await sleep(1_300)
    expect((await firstTimer(r.id)).breachedAt).toBeNull()
    await db.$executeRaw`UPDATE "SlaTimer" SET "pausedAt" = NULL, "dueAt" = clock_timestamp() + interval '300 milliseconds'
      WHERE "requestId" = ${r.id} AND kind = 'FIRST_RESPONSE'`
    const t = await waitFor(async () => {
      const row = await firstTimer(r.id)
      return row.breachedAt ? row : null
    }, 2_000)
    expect(t.breachedAt!.getTime() - t.dueAt.getTime()).toBeLessThan(LATE_MS)
  })

  it('the nearest open mark is read from the partial index, not by scanning closed clocks', async () => {
    await db.$executeRaw`
      INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt", "metAt")
      SELECT 'closed-' || g, (SELECT id FROM "ServiceRequest" LIMIT 1), 'FIRST_RESPONSE',
             now() - interval '1 day', now() - interval '1 day' + interval '3 minutes', now() - interval '1 day'
      FROM generate_series(1, 5000) g`
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      await client.query('ANALYZE "SlaTimer"')
      const plan = (await client.query(`EXPLAIN ${NEXT_MARK_QUERY}`, [[]])).rows.map((r) => r['QUERY PLAN']).join('\n')
      expect(plan).toContain('SlaTimer_nextMark_open_idx')
    } finally {
      await client.end()
    }
  })
})
