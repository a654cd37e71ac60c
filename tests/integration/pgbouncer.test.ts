import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { poolSizes, poolUse } from '../../lib/db/pools'
import { eventHub, type HubEvent } from '../../lib/events/hub'
import { createBoss, producer, QUEUES, stopProducer } from '../../lib/jobs/boss'
import { consume, limitOf } from '../../lib/security/rate-limit'
import { createRequest } from '../../lib/requests/lifecycle'
import { startSlaTimer, type SlaTimerLoop } from '../../lib/sla/timer'
import { startWorker } from '../../worker/index'
import { sleep, teamWithClient, useResponsePolicy, waitFor } from './helpers'
import { startPgBouncer, type PgBouncer } from './servers'

// The app as deployed behind PgBouncer: DATABASE_URL is the pooler (transaction mode, two server
// connections), DATABASE_DIRECT_URL the database itself. Set before anything reads the settings.
const direct = process.env.DATABASE_URL!
const SERVER_POOL = 2
const POOL_SIZE = 8
process.env.DATABASE_DIRECT_URL = direct
process.env.DATABASE_POOL_SIZE = String(POOL_SIZE)

const lounge = { category: 'TRAVEL' as const, title: 'Lounge', details: { service: 'LOUNGE' as const, passengers: 1 } }

// Sessions on the database itself, by application name (the pooler's own show as "pgbouncer").
async function directSessions() {
  const c = new pg.Client({ connectionString: direct })
  await c.connect()
  try {
    const { rows } = await c.query<{ application_name: string; query: string }>(
      `SELECT application_name, query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    )
    return rows
  } finally {
    await c.end()
  }
}

describe('behind PgBouncer (transaction pooling)', () => {
  let bouncer: PgBouncer
  let timer: SlaTimerLoop | undefined
  let unsubscribe: (() => void) | undefined

  beforeAll(async () => {
    bouncer = await startPgBouncer(direct, SERVER_POOL)
    process.env.DATABASE_URL = bouncer.url
  })
  afterAll(async () => {
    unsubscribe?.()
    await timer?.stop()
    await stopProducer()
    await db.$disconnect()
    await bouncer?.stop()
    process.env.DATABASE_URL = direct
  })

  it('a submission, its live event and its SLA decision go through the pooler; LISTEN stays direct', async () => {
    const heard: HubEvent[] = []
    unsubscribe = eventHub.subscribe((e) => heard.push(e))
    // The event hub and the SLA timer each hold one LISTEN session on the database itself.
    timer = await startSlaTimer({ safetySweepMs: 60_000 })
    await waitFor(async () => {
      const rows = await directSessions()
      const listening = (name: string) => rows.some((r) => r.application_name === name && /^LISTEN/.test(r.query))
      return listening('diamond-butler events') && listening('diamond-butler sla-timer')
    }, 5_000)

    await useResponsePolicy(2, 1)
    const { clientActor } = await teamWithClient('Pooled')
    const request = await createRequest(clientActor, lounge)

    // NOTIFY sent inside a transaction that ran through the pooler reaches the direct listener.
    await waitFor(async () => heard.some((e) => e.type === 'request.created' && e.requestId === request.id), 5_000)
    // The timer, woken by NOTIFY only (its sweep is a minute away), decides the breach once.
    const breached = await waitFor(async () => {
      const t = await db.slaTimer.findFirstOrThrow({ where: { requestId: request.id, kind: 'FIRST_RESPONSE' } })
      return t.breachedAt ? t : null
    }, 6_000)
    expect(breached.breachedAt!.getTime() - breached.dueAt.getTime()).toBeLessThan(1_000)
    expect(await db.auditEvent.count({ where: { entityId: breached.id, action: 'sla.breached' } })).toBe(1)
    await waitFor(
      async () => heard.some((e) => e.type === 'sla.changed' && e.requestId === request.id && e.state === 'BREACHED'),
      5_000,
    )

    // The data layer's connections are PgBouncer's clients; the listeners are not.
    const clients = await bouncer.show('CLIENTS')
    const names = clients.map((c) => String(c.application_name))
    expect(names).toContain('diamond-butler primary')
    expect(names).not.toContain('diamond-butler events')
    expect(names).not.toContain('diamond-butler sla-timer')
    const stats = await bouncer.show('STATS')
    const ours = stats.find((s) => s.database === new URL(direct).pathname.slice(1))
    expect(Number(ours?.total_xact_count)).toBeGreaterThan(5)
  })

  it('the job queue and the rate limiter work through the pooler too', async () => {
    // pg-boss takes only transaction-scoped advisory locks: producer and worker both go pooled.
    const id = await (await producer()).send(QUEUES.sendEmail, { outboxId: 'pooled' }, { startAfter: 1 })
    const worker = await createBoss('worker')
    try {
      const jobs = await waitFor(async () => {
        const got = await worker.fetch<{ outboxId: string }>(QUEUES.sendEmail)
        return got.length ? got : null
      }, 5_000)
      expect(jobs.map((j) => j.id)).toEqual([id])
      await worker.complete(QUEUES.sendEmail, id!)
    } finally {
      await worker.stop({ graceful: false })
    }
    // The limiter counts across calls and refuses past its limit.
    for (let i = 0; i < limitOf('signInAccount'); i++) await consume('signInAccount', 'pooled@client.test')
    await expect(consume('signInAccount', 'pooled@client.test')).rejects.toMatchObject({ code: 'RATE_LIMITED' })
    const names = (await bouncer.show('CLIENTS')).map((c) => String(c.application_name))
    expect(names).toContain('diamond-butler limits')
    expect(names.some((n) => n.startsWith('pgboss'))).toBe(true)
  })

  it('the rate limiter counts on whichever server connection the pooler hands it', async () => {
    // Two other clients of the pooler take turns holding its two server connections, so the
    // limiter's two calls run on different ones, as they do with many web copies sharing it.
    const holders = [new pg.Client({ connectionString: bouncer.url }), new pg.Client({ connectionString: bouncer.url })]
    const [a, b] = holders
    try {
      for (const c of holders) await c.connect()
      await a.query('BEGIN')
      await a.query('SELECT 1')
      const first = await consume('submitIp', 'turns@client.test')
      await b.query('BEGIN')
      await b.query('SELECT 1')
      await a.query('COMMIT')
      const second = await consume('submitIp', 'turns@client.test')
      await b.query('COMMIT')
      expect([first.consumedPoints, second.consumedPoints]).toEqual([1, 2])
    } finally {
      for (const c of holders) await c.end().catch(() => {})
    }
  })

  it('a burst of submissions shares two server connections and every one is kept', async () => {
    const { clientActor } = await teamWithClient('Burst')
    const titles = Array.from({ length: 24 }, (_, i) => `Burst ${i}`)
    const made = await Promise.all(titles.map((title) => createRequest(clientActor, { ...lounge, title })))
    expect(new Set(made.map((r) => r.id)).size).toBe(titles.length)
    expect(await db.serviceRequest.count({ where: { title: { in: titles } } })).toBe(titles.length)

    // Never more server connections than the pooler's pool, whatever the app's pool holds.
    const pools = await bouncer.show('POOLS')
    const ours = pools.find((p) => p.database === new URL(direct).pathname.slice(1))
    expect(Number(ours?.sv_active) + Number(ours?.sv_idle) + Number(ours?.sv_used)).toBeLessThanOrEqual(SERVER_POOL)

    // The health report: the data layer's pool within its share of DATABASE_POOL_SIZE.
    const use = poolUse()
    const primary = use.find((p) => p.name === 'primary')!
    expect(primary.max).toBe(poolSizes(POOL_SIZE).primary)
    expect(primary.inUse + primary.idle).toBeGreaterThan(1)
    expect(primary.inUse + primary.idle).toBeLessThanOrEqual(primary.max)
    expect(use.find((p) => p.name === 'direct events')).toMatchObject({ inUse: 1, max: 1 })
  })

  it('a worker started while PgBouncer is down waits for it, then starts', async () => {
    await bouncer.kill()
    const starting = startWorker()
    // Not an unhandled rejection meanwhile, if it gives up.
    starting.catch(() => {})
    await sleep(2_500)
    await bouncer.restart()
    const stop = await starting
    try {
      const beating = await db.workerHeartbeat.count({ where: { seenAt: { gt: new Date(Date.now() - 10_000) } } })
      expect(beating).toBe(1)
    } finally {
      await stop()
    }
  }, 30_000)
})
