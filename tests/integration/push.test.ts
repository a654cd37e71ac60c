import type { PgBoss } from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { createBoss, stopProducer } from '../../lib/jobs/boss'
import { pickAssignee, presenceOf, recordHeartbeat } from '../../lib/presence/service'
import { enqueuePush } from '../../lib/push/outbox'
import { MAX_PUSH_ATTEMPTS, pushRetryDelaySeconds, sendPushDeliveries } from '../../lib/push/send'
import { pushPublicKey, removePushDevice, subscribePush } from '../../lib/push/subscriptions'
import { startPushWork } from '../../lib/push/worker'
import { replyToRequest } from '../../lib/requests/conversation'
import { createRequest } from '../../lib/requests/lifecycle'
import { startSlaTimer, type SlaTimerLoop } from '../../lib/sla/timer'
import type { Actor } from '../../lib/auth/roles'
import { createClient, createDefaultPolicies, createStaff } from '../factories'
import { startMockPushService, type MockPushService } from '../mock-push-service'
import { actorFor, sleep, waitFor } from './helpers'

const lounge = {
  category: 'TRAVEL' as const,
  title: 'Lounge at PEK for Mr Wang',
  details: { service: 'LOUNGE' as const, passengers: 1 },
}

// A request written straight to the table (no clocks, no events), held by `assigneeId`.
const assignedRequest = (client: { clientId: string; userId: string }, assigneeId: string) =>
  db.serviceRequest.create({
    data: { clientId: client.clientId, createdById: client.userId, assigneeId, category: 'OTHER', title: 'x' },
  })

describe('web push', () => {
  let push: MockPushService
  let publicKey: string

  // A device that took push for this actor: subscribed at the mock service with the app's key
  // and registered with the app, as the browser card does.
  async function device(actor: Actor, name = 'Phone') {
    const sub = await push.subscribe(publicKey)
    await subscribePush(actor, { endpoint: sub.endpoint, keys: sub.keys, deviceName: name })
    return sub.clientHash
  }
  const received = async (clientHash: string) =>
    (await push.received(clientHash)).map((m) => JSON.parse(m) as { title: string; body: string; url: string })

  beforeAll(async () => {
    push = await startMockPushService()
    await createDefaultPolicies(db)
    const admin = await createStaff(db, { role: 'ADMIN' })
    publicKey = await pushPublicKey(await actorFor(admin.id))
  })
  afterAll(async () => {
    await push.stop()
    await stopProducer()
  })

  describe('the escalation ladder', () => {
    let loop: SlaTimerLoop
    let worker: PgBoss
    afterAll(async () => {
      await loop?.stop()
      await worker?.stop({ graceful: false })
    })

    it('reaches the holder at risk, the backup at hand-off, everyone eligible and the supervisors on duty at breach', async () => {
      // Short clocks: at risk at 2 s, hand-off at 4 s, breach at 6 s.
      await db.slaPolicy.updateMany({
        where: { kind: 'FIRST_RESPONSE', category: null, tier: null },
        data: { targetSeconds: 6, atRiskSeconds: 2, handoffSeconds: 4 },
      })
      const holder = await createStaff(db, { name: 'Holder' })
      const backup = await createStaff(db, { name: 'Backup', locale: 'en' })
      const colleague = await createStaff(db, { name: 'Colleague' })
      const offDuty = await createStaff(db, { name: 'Off duty', onDuty: false })
      const supervisor = await createStaff(db, { role: 'SUPERVISOR', name: 'Lead', locale: 'en' })
      const sleepingLead = await createStaff(db, { role: 'SUPERVISOR', name: 'Asleep', onDuty: false })
      const client = await createClient(db, {
        name: 'Mr Wang',
        dedicatedButlerId: holder.id,
        backupButlerId: backup.id,
      })
      const hashes = {
        holder: await device(await actorFor(holder.id)),
        backup: await device(await actorFor(backup.id)),
        colleague: await device(await actorFor(colleague.id)),
        offDuty: await device(await actorFor(offDuty.id)),
        supervisor: await device(await actorFor(supervisor.id)),
        sleepingLead: await device(await actorFor(sleepingLead.id)),
        client: await device(await actorFor(client.userId)),
      }
      loop = await startSlaTimer()
      worker = await createBoss('worker')
      await startPushWork(worker)

      const t0 = Date.now()
      const request = await createRequest(await actorFor(client.userId), lounge)
      const number = (await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })).number
      // When each device first had n notifications, in seconds after the request was filed.
      const arrivals: Record<string, number[]> = {}
      const watch = async (until: () => boolean) => {
        while (!until()) {
          for (const [who, hash] of Object.entries(hashes)) {
            const n = (await push.received(hash)).length
            const seen = (arrivals[who] ??= [])
            while (seen.length < n) seen.push((Date.now() - t0) / 1000)
          }
          if (Date.now() - t0 > 15_000) throw new Error(`ladder incomplete: ${JSON.stringify(arrivals)}`)
          await sleep(100)
        }
      }
      await watch(() => (arrivals.supervisor?.length ?? 0) >= 1 && (arrivals.colleague?.length ?? 0) >= 1)
      await sleep(1500) // anything else (there should be nothing) has time to arrive

      const at = (who: string) => arrivals[who] ?? []
      expect((await received(hashes.holder)).map((m) => m.title)).toEqual([
        `新需求 #${number} 待响应`,
        `需求 #${number} 即将超时`,
      ])
      expect(at('holder')[0]).toBeLessThan(1.5)
      expect(at('holder')[1]).toBeGreaterThanOrEqual(2)
      expect(at('holder')[1]).toBeLessThan(3.5)
      // The backup is offered the request at the hand-off mark, in English (their language).
      expect((await received(hashes.backup)).map((m) => m.title)).toEqual([`Request #${number} offered to you`])
      expect(at('backup')[0]).toBeGreaterThanOrEqual(4)
      expect(at('backup')[0]).toBeLessThan(5.5)
      // At the breach everyone eligible is offered it and the supervisor on duty is told.
      expect((await received(hashes.colleague)).map((m) => m.title)).toEqual([`需求 #${number} 待您接单`])
      expect(at('colleague')[0]).toBeGreaterThanOrEqual(6)
      expect((await received(hashes.supervisor)).map((m) => m.title)).toEqual([
        `Request #${number} missed its deadline`,
      ])
      expect(at('supervisor')[0]).toBeGreaterThanOrEqual(6)
      expect(at('supervisor')[0]).toBeLessThan(7.5)
      // Nobody off duty is woken, and the client hears nothing of the staff's escalation.
      expect(await push.received(hashes.offDuty)).toEqual([])
      expect(await push.received(hashes.sleepingLead)).toEqual([])
      expect(await push.received(hashes.client)).toEqual([])

      // Each opens the request, and no lock screen shows a name, a place or a message.
      for (const hash of [hashes.holder, hashes.backup, hashes.colleague, hashes.supervisor]) {
        for (const m of await received(hash)) {
          expect(m.url).toBe(`/console/requests/${request.id}`)
          expect(JSON.stringify(m)).not.toMatch(/Wang|PEK|Lounge|Holder|Backup/)
        }
      }

      // The butler's reply reaches the client's phone, in the client's language.
      const holderActor = await actorFor(holder.id)
      await replyToRequest(holderActor, {
        requestId: request.id,
        body: 'Your lounge at PEK is booked',
        internal: false,
      })
      const [reply] = await waitFor(async () => {
        const got = await received(hashes.client)
        return got.length ? got : null
      }, 5_000)
      expect(reply).toEqual({
        title: `您的管家已回复（#${number}）`,
        body: '打开查看回复。',
        url: `/portal/requests/${request.id}`,
        tag: `REPLIED-${number}`,
      })
      // The push service has the reply; the worker records it as sent right after its answer.
      const rows = await waitFor(async () => {
        const all = await db.pushDelivery.findMany({ where: { requestId: request.id } })
        return all.length === 6 && all.every((r) => r.status === 'SENT') ? all : null
      }, 5_000)
      expect(rows.map((r) => r.status).every((s) => s === 'SENT')).toBe(true)
      expect(rows).toHaveLength(6)
    }, 40_000)
  })

  it('writes nothing when the change that would push rolls back', async () => {
    const butler = await createStaff(db)
    const client = await createClient(db, { dedicatedButlerId: butler.id })
    await device(await actorFor(butler.id))
    const request = await assignedRequest(client, butler.id)
    const jobs = async () =>
      Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'send-push'`)[0].n)
    const before = { rows: await db.pushDelivery.count(), jobs: await jobs() }
    await expect(
      db.$transaction(async (tx) => {
        expect(await enqueuePush(tx, 'AT_RISK', 'holder', [request.id])).toBe(1)
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect({ rows: await db.pushDelivery.count(), jobs: await jobs() }).toEqual(before)
  })

  it('deletes a subscription the push service reports gone, and retries a failing one with backoff', async () => {
    const butler = await createStaff(db)
    const actor = await actorFor(butler.id)
    const client = await createClient(db, { dedicatedButlerId: butler.id })
    const request = await assignedRequest(client, butler.id)
    const gone = await device(actor, 'Old phone')
    await push.expire(gone)
    // A device whose push service is down: nothing listens on port 9.
    await subscribePush(actor, {
      endpoint: 'http://127.0.0.1:9/push/down',
      keys: (await push.subscribe(publicKey)).keys,
      deviceName: 'Laptop',
    })
    await db.$transaction((tx) => enqueuePush(tx, 'AT_RISK', 'holder', [request.id]))
    const rows = await db.pushDelivery.findMany({
      where: { userId: butler.id },
      select: { id: true, subscription: { select: { deviceName: true } } },
    })
    const byDevice = Object.fromEntries(rows.map((r) => [r.subscription!.deviceName, r.id]))
    const outcome = await sendPushDeliveries(rows.map((r) => r.id))
    expect(outcome[byDevice['Old phone']]).toBe('GONE')
    expect(outcome[byDevice.Laptop]).toBe('RETRYING')
    const devices = await db.pushSubscription.findMany({ where: { userId: butler.id } })
    expect(devices.map((d) => d.deviceName)).toEqual(['Laptop'])
    expect(devices[0].failingSince).not.toBeNull()

    // The retry is a job due after the backoff delay (5 s, then doubling), written with the failure.
    const [job] = await db.$queryRaw<{ delay: number }[]>`
      SELECT extract(epoch FROM start_after - created_on)::float8 AS delay FROM pgboss.job
      WHERE name = 'send-push' AND data->'ids' ? ${byDevice.Laptop} ORDER BY created_on DESC LIMIT 1`
    expect(job.delay).toBeGreaterThanOrEqual(pushRetryDelaySeconds(1) - 0.5)
    expect(job.delay).toBeLessThan(pushRetryDelaySeconds(1) + 1)
    expect([1, 2, 3, 4, 5].map(pushRetryDelaySeconds)).toEqual([5, 10, 20, 40, 80])
    for (let i = 2; i < MAX_PUSH_ATTEMPTS; i++)
      expect((await sendPushDeliveries([byDevice.Laptop]))[byDevice.Laptop]).toBe('RETRYING')
    expect((await sendPushDeliveries([byDevice.Laptop]))[byDevice.Laptop]).toBe('FAILED')
    expect(await db.pushDelivery.findUniqueOrThrow({ where: { id: byDevice.Laptop } })).toMatchObject({
      status: 'FAILED',
      attempts: MAX_PUSH_ATTEMPTS,
    })
    // A device that keeps failing does not make its owner reachable.
    const lead = await createStaff(db, { role: 'SUPERVISOR' })
    expect((await presenceOf(await actorFor(lead.id), [butler.id])).get(butler.id)).toBe('AWAY')
  })

  it('lets each user remove only their own devices', async () => {
    const a = await actorFor((await createStaff(db)).id)
    const b = await actorFor((await createStaff(db)).id)
    await device(a, 'A phone')
    const row = await db.pushSubscription.findFirstOrThrow({ where: { userId: a.userId } })
    expect(await removePushDevice(b, { id: row.id })).toEqual({ removed: false })
    expect(await db.pushSubscription.count({ where: { userId: a.userId } })).toBe(1)
    expect(await removePushDevice(a, { id: row.id })).toEqual({ removed: true })
    expect(await db.pushSubscription.count({ where: { userId: a.userId } })).toBe(0)
  })
})

describe('presence and offers', () => {
  afterAll(stopProducer)

  it('shows available, away and off, and a closing console turns a butler away at once', async () => {
    const lead = await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id)
    const seen = await createStaff(db)
    const unseen = await createStaff(db)
    const off = await createStaff(db, { onDuty: false })
    await recordHeartbeat(await actorFor(seen.id), false)
    await recordHeartbeat(await actorFor(off.id), false)
    const p = await presenceOf(lead, [seen.id, unseen.id, off.id])
    expect([p.get(seen.id), p.get(unseen.id), p.get(off.id)]).toEqual(['AVAILABLE', 'AWAY', 'OFF'])
    await recordHeartbeat(await actorFor(seen.id), true)
    expect((await presenceOf(lead, [seen.id])).get(seen.id)).toBe('AWAY')
    // A heartbeat older than the window no longer counts.
    await recordHeartbeat(await actorFor(seen.id), false)
    await db.$executeRaw`UPDATE "User" SET "lastSeenAt" = now() - interval '80 seconds' WHERE id = ${seen.id}`
    expect((await presenceOf(lead, [seen.id])).get(seen.id)).toBe('AWAY')
  })

  it('skips the unreachable and offers to the least loaded available butler first', async () => {
    await db.user.updateMany({ where: { role: 'BUTLER' }, data: { onDuty: false, lastSeenAt: null } })
    const dedicated = await createStaff(db, { name: 'Dedicated' })
    const backup = await createStaff(db, { name: 'Backup' })
    const busy = await createStaff(db, { name: 'Busy' })
    const calm = await createStaff(db, { name: 'Calm' })
    const client = await createClient(db, { dedicatedButlerId: dedicated.id, backupButlerId: backup.id })
    const clientActor = await actorFor(client.userId)
    const roster = {
      dedicatedButler: { id: dedicated.id, onDuty: true },
      backupButler: { id: backup.id, onDuty: true },
    }

    // Nobody reachable: the roster decides as before (the clock never stops).
    expect(await pickAssignee(roster)).toEqual({ assigneeId: dedicated.id, offerNow: false, via: 'ROSTER' })

    // Busy holds two open requests, one of them at risk (1 + 3 = 4); Calm holds three (3).
    const other = await createClient(db, {})
    for (const [assigneeId, n] of [
      [busy.id, 2],
      [calm.id, 3],
    ] as const) {
      for (let i = 0; i < n; i++)
        await db.serviceRequest.create({
          data: { clientId: other.clientId, createdById: other.userId, assigneeId, category: 'OTHER', title: 'load' },
        })
    }
    const atRisk = await db.serviceRequest.findFirstOrThrow({ where: { assigneeId: busy.id } })
    await db.slaTimer.create({
      data: {
        requestId: atRisk.id,
        kind: 'FIRST_RESPONSE',
        startedAt: new Date(),
        dueAt: new Date(Date.now() + 60_000),
        atRiskAt: new Date(),
        atRiskFiredAt: new Date(),
      },
    })
    for (const b of [busy, calm]) await recordHeartbeat(await actorFor(b.id), false)

    // The dedicated butler is on duty but unreachable, the backup too: the least loaded gets it.
    const r1 = await createRequest(clientActor, { ...lounge, title: 'First' })
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: r1.id } })).assigneeId).toBe(calm.id)

    // The backup turns push on: reachable, so the request is theirs.
    const backupActor = await actorFor(backup.id)
    await subscribePush(backupActor, {
      endpoint: 'https://push.example.test/backup',
      keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) },
      deviceName: 'Backup phone',
    })
    const r2 = await createRequest(clientActor, { ...lounge, title: 'Second' })
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: r2.id } })).assigneeId).toBe(backup.id)

    // The dedicated butler opens the console: the request goes to them.
    await recordHeartbeat(await actorFor(dedicated.id), false)
    const r3 = await createRequest(clientActor, { ...lounge, title: 'Third' })
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: r3.id } })).assigneeId).toBe(dedicated.id)
  })
})
