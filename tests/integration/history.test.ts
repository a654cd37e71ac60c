import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { detachHistoryBefore, ensureHistoryPartitions } from '../../lib/db/partitions'
import { createBoss, JOB_RETENTION, QUEUES, stopProducer } from '../../lib/jobs/boss'
import { firstContactResolution, resolutionByCategory } from '../../lib/kpi/queries'
import { createRequest } from '../../lib/requests/lifecycle'
import { NEXT_MARK_QUERY } from '../../lib/sla/service'
import { createStaff } from '../factories'
import { actorFor, teamWithClient, useResponsePolicy } from './helpers'

const lounge = { category: 'TRAVEL' as const, title: 'Lounge', details: { service: 'LOUNGE' as const, passengers: 1 } }
const monthName = (d: Date) => `AuditEvent_${d.toISOString().slice(0, 7).replace('-', '_')}`
const monthsFromNow = (k: number) => {
  const d = new Date()
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1))
}
const partitionOf = async (where: string) =>
  (
    await db.$queryRawUnsafe<{ part: string }[]>(
      `SELECT tableoid::regclass::text AS part FROM "AuditEvent" WHERE ${where}`,
    )
  )[0]?.part
// The plan PostgreSQL picks for a query, as text.
const plan = async (sql: string) =>
  (await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`)).map((r) => r['QUERY PLAN']).join('\n')

describe('history that stays cheap', () => {
  afterAll(stopProducer)

  it('audit events go to their month, kept ahead by the worker; an old month detaches whole', async () => {
    await ensureHistoryPartitions(3)
    const parts = await db.$queryRaw<{ name: string }[]>`
      SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = '"AuditEvent"'::regclass`
    for (const k of [0, 1, 2, 3]) expect(parts.map((p) => p.name)).toContain(monthName(monthsFromNow(k)))

    // Written by the real service: the request's audit event lands in this month's partition.
    await useResponsePolicy(180)
    const { clientActor } = await teamWithClient('History')
    const request = await createRequest(clientActor, lounge)
    expect(await partitionOf(`"entityId" = '${request.id}' AND action = 'request.created'`)).toBe(
      `history."${monthName(monthsFromNow(0))}"`,
    )

    // A month fourteen months back, with an event in it.
    const old = monthsFromNow(-14)
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS history."${monthName(old)}"`)
    await db.$executeRaw`SELECT history_ensure_month('AuditEvent', ${old}::timestamptz)`
    await db.$executeRaw`INSERT INTO "AuditEvent" (at, action, entity) VALUES (${new Date(old.getTime() + 86_400_000)}, 'history.probe', 'Test')`
    expect(await partitionOf(`action = 'history.probe'`)).toBe(`history."${monthName(old)}"`)

    // Detaching everything that ended a year ago takes that month out of the live table whole,
    // leaves it as a table to archive, and leaves this month alone.
    const detached = await detachHistoryBefore(monthsFromNow(-12))
    expect(detached).toContain(monthName(old))
    expect(detached).not.toContain(monthName(monthsFromNow(0)))
    expect(await db.auditEvent.count({ where: { action: 'history.probe' } })).toBe(0)
    const [kept] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM history."${monthName(old)}"`)
    expect(Number(kept.n)).toBe(1)
    expect(await db.auditEvent.count({ where: { entityId: request.id } })).toBeGreaterThan(0)
    for (const name of detached) await db.$executeRawUnsafe(`DROP TABLE history."${name}"`)
  })

  it('the live board and the SLA timer read indexes of open work only, however much closed history there is', async () => {
    const { client } = await teamWithClient('Closed history')
    // 20,000 closed requests, each with a met clock, behind a handful of open ones.
    await db.$executeRaw`
      INSERT INTO "ServiceRequest" (id, number, "clientId", "createdById", category, title, status, "createdAt", "updatedAt", "closedAt")
      SELECT 'closed-' || s, 1000000 + s, ${client.clientId}, ${client.userId}, 'TRAVEL', 'Closed ' || s, 'CLOSED',
             now() - s * interval '1 minute', now(), now() - s * interval '1 minute' + interval '1 hour'
      FROM generate_series(1, 20000) s`
    await db.$executeRaw`
      INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt", "metAt")
      SELECT 'closed-fr-' || r.id, r.id, 'FIRST_RESPONSE', r."createdAt", r."createdAt" + interval '3 minutes', r."createdAt" + interval '1 minute'
      FROM "ServiceRequest" r WHERE r.id LIKE 'closed-%'`
    await db.$executeRawUnsafe('ANALYZE "ServiceRequest"')
    await db.$executeRawUnsafe('ANALYZE "SlaTimer"')

    const board = await plan(
      `SELECT id FROM "ServiceRequest" WHERE status IN ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_CLIENT', 'WAITING_VENDOR', 'ALTERNATIVE_OFFERED') ORDER BY "createdAt" DESC LIMIT 1000`,
    )
    expect(board).toContain('ServiceRequest_open_createdAt_idx')
    const timer = await plan(NEXT_MARK_QUERY.replace(/\$1/g, `'{}'::text[]`))
    expect(timer).toContain('SlaTimer_nextMark_open_idx')
    // No index over every clock's due time is kept up any more.
    const [dueIdx] = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pg_indexes WHERE indexname = 'SlaTimer_dueAt_idx'`
    expect(Number(dueIdx.n)).toBe(0)
  })

  it('KPIs read only the clocks of their period, from covering indexes, with facts the triggers keep', async () => {
    await useResponsePolicy(180)
    const { clientActor } = await teamWithClient('Facts')
    const supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id)
    const request = await createRequest(clientActor, lounge)
    const clocks = () => db.slaTimer.findMany({ where: { requestId: request.id }, orderBy: { kind: 'asc' } })
    expect((await clocks()).map((t) => t.category)).toEqual(['TRAVEL', 'TRAVEL'])

    // Resolved, then re-categorised: the clocks follow the request.
    await db.$executeRaw`UPDATE "SlaTimer" SET "metAt" = now() WHERE "requestId" = ${request.id} AND kind = 'RESOLUTION'`
    await db.$executeRaw`UPDATE "ServiceRequest" SET category = 'HEALTH' WHERE id = ${request.id}`
    expect((await clocks()).map((t) => t.category)).toEqual(['HEALTH', 'HEALTH'])
    const period = { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 3_600_000) }
    expect((await resolutionByCategory(supervisor, period)).map((r) => [r.category, r.count])).toEqual([['HEALTH', 1]])
    expect(await firstContactResolution(supervisor, period)).toMatchObject({ finished: 1, firstContact: 1 })

    // The client writes again later: a next-response clock marks the resolution as followed up.
    await db.$executeRaw`
      INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt") VALUES (${`nr-${request.id}`}, ${request.id}, 'NEXT_RESPONSE', now(), now() + interval '3 minutes')`
    expect(await firstContactResolution(supervisor, period)).toMatchObject({ finished: 1, firstContact: 0 })

    // Each period query is an index-only range scan (forced here: the test tables are tiny).
    const indexOnly = async (sql: string) =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off')
        await tx.$executeRawUnsafe('SET LOCAL enable_bitmapscan = off')
        const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`)
        return rows.map((r) => r['QUERY PLAN']).join('\n')
      })
    const range = (col: string) => `"${col}" >= now() - interval '30 days' AND "${col}" < now()`
    expect(
      await indexOnly(
        `SELECT category, count(*) FILTER (WHERE NOT "followedUp"), percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM "metAt" - "startedAt") - "pausedMs" / 1000.0), count(*) FILTER (WHERE "metAt" < "dueAt") FROM "SlaTimer" WHERE kind = 'RESOLUTION' AND ${range('metAt')} GROUP BY 1`,
      ),
    ).toContain('Index Only Scan using "SlaTimer_kind_metAt_cover_idx"')
    expect(
      await indexOnly(
        `SELECT count("metAt"), count("breachedAt"), count(*) FILTER (WHERE "metAt" < "dueAt") FROM "SlaTimer" WHERE kind = 'FIRST_RESPONSE' AND ${range('startedAt')}`,
      ),
    ).toContain('Index Only Scan using "SlaTimer_kind_startedAt_cover_idx"')
    expect(
      await indexOnly(
        `SELECT date_trunc('day', "createdAt"), category, count(*) FROM "ServiceRequest" WHERE ${range('createdAt')} GROUP BY 1, 2`,
      ),
    ).toContain('Index Only Scan using "ServiceRequest_createdAt_cover_idx"')
  })

  it('finished jobs are pruned after two days by the queue maintenance', async () => {
    const boss = await createBoss('worker')
    try {
      const queue = await boss.getQueue(QUEUES.sendEmail)
      expect(queue).toMatchObject(JOB_RETENTION)
      const id = await boss.send(QUEUES.sendEmail, { outboxId: 'history-probe' }, { startAfter: 3600 })
      const fresh = await boss.send(QUEUES.sendEmail, { outboxId: 'history-fresh' }, { startAfter: 3600 })
      // One finished three days ago, one just now.
      await db.$executeRaw`UPDATE pgboss.job SET state = 'completed', completed_on = now() - interval '3 days' WHERE id = ${id}::uuid`
      await db.$executeRaw`UPDATE pgboss.job SET state = 'completed', completed_on = now() WHERE id = ${fresh}::uuid`
      // The maintenance pass is due (it runs once per interval per queue, whoever ran it last).
      await db.$executeRaw`UPDATE pgboss.queue SET maintain_on = now() - interval '1 week' WHERE name = ${QUEUES.sendEmail}`
      await boss.supervise(QUEUES.sendEmail)
      const left = await db.$queryRaw<
        { id: string }[]
      >`SELECT id::text FROM pgboss.job WHERE id IN (${id}::uuid, ${fresh}::uuid)`
      expect(left.map((r) => r.id)).toEqual([fresh])
    } finally {
      await boss.stop({ graceful: false })
    }
  })
})
