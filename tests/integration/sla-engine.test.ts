import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { changeStatus, createRequest, takeRequest } from '../../lib/requests/lifecycle'
import { postClientMessage, replyToRequest } from '../../lib/requests/conversation'
import { deactivatePolicy, savePolicy } from '../../lib/sla/policies'
import { ZSlaPolicy } from '../../lib/sla/schemas'
import { startWorker } from '../../worker/index'
import { createStaff } from '../factories'
import { actorFor, sleep, teamWithClient, useResponsePolicy, waitFor } from './helpers'

const lounge = {
  category: 'TRAVEL' as const,
  title: 'Lounge at PEK T3',
  details: { service: 'LOUNGE' as const, passengers: 1 },
}
const timerOf = (requestId: string, kind: 'FIRST_RESPONSE' | 'RESOLUTION' | 'NEXT_RESPONSE' = 'FIRST_RESPONSE') =>
  db.slaTimer.findFirstOrThrow({ where: { requestId, kind }, orderBy: { startedAt: 'desc' } })
const requestRow = (id: string) => db.serviceRequest.findUniqueOrThrow({ where: { id } })

describe('SLA engine', () => {
  let stops: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const stop of stops) await stop()
    stops = []
  })
  afterAll(stopProducer)

  it('a reply at 2:59 counts as met and is never breached afterwards', async () => {
    await useResponsePolicy(180, 120)
    stops.push(await startWorker())
    const { clientActor, butlerActor } = await teamWithClient('Two fifty-nine')
    const request = await createRequest(clientActor, lounge)
    // Move the clock 2:59 into its 3 minutes, as if the request had come in then.
    await db.$executeRaw`UPDATE "SlaTimer" SET "startedAt" = "startedAt" - interval '179 seconds', "dueAt" = "dueAt" - interval '179 seconds'
      WHERE "requestId" = ${request.id} AND kind = 'FIRST_RESPONSE'`
    await replyToRequest(butlerActor, { requestId: request.id, body: 'Lounge booked.', internal: false })
    await sleep(1_800)
    const timer = await timerOf(request.id)
    expect(timer.metAt!.getTime()).toBeLessThan(timer.dueAt.getTime())
    expect(timer.breachedAt).toBeNull()
  })

  it('warns at risk once, offers to the on-duty backup at hand-off, and to everyone at the breach', async () => {
    await useResponsePolicy(3, 1)
    await db.slaPolicy.updateMany({ where: { kind: 'FIRST_RESPONSE' }, data: { handoffSeconds: 2 } })
    stops.push(await startWorker())
    const { clientActor } = await teamWithClient('Escalation')
    const request = await createRequest(clientActor, lounge)

    const atRisk = await waitFor(async () => (await timerOf(request.id)).atRiskFiredAt, 3_000)
    expect(atRisk).toBeInstanceOf(Date)
    await waitFor(async () => (await requestRow(request.id)).offerStage === 'BACKUP', 3_000)
    await waitFor(async () => (await requestRow(request.id)).offerStage === 'ALL', 3_000)

    const actions = (
      await db.auditEvent.findMany({
        where: { entityId: { in: [request.id, (await timerOf(request.id)).id] } },
        orderBy: { id: 'asc' },
      })
    ).map((e) => `${e.action}${(e.data as { stage?: string }).stage ? `:${(e.data as { stage: string }).stage}` : ''}`)
    expect(actions).toEqual([
      'request.created',
      'sla.at_risk',
      'request.offered:BACKUP',
      'sla.breached',
      'request.offered:ALL',
    ])
  })

  it('skips an off-duty backup: the hand-off goes straight to everyone on duty', async () => {
    await useResponsePolicy(5, 1)
    await db.slaPolicy.updateMany({ where: { kind: 'FIRST_RESPONSE' }, data: { handoffSeconds: 1 } })
    stops.push(await startWorker())
    const team = await teamWithClient('Night')
    await db.user.update({ where: { id: team.backup.id }, data: { onDuty: false } })
    const request = await createRequest(team.clientActor, lounge)
    await waitFor(async () => (await requestRow(request.id)).offerStage === 'ALL', 3_000)
  })

  it('with dedicated butler off duty the backup gets the request; with both off it is offered to all at once', async () => {
    await useResponsePolicy(180, 120)
    const team = await teamWithClient('Off duty')
    await db.user.update({ where: { id: team.butler.id }, data: { onDuty: false } })
    const toBackup = await createRequest(team.clientActor, lounge)
    expect((await requestRow(toBackup.id)).assigneeId).toBe(team.backup.id)

    await db.user.update({ where: { id: team.backup.id }, data: { onDuty: false } })
    const toAll = await createRequest(team.clientActor, lounge)
    const row = await requestRow(toAll.id)
    expect(row.offerStage).toBe('ALL')
    // Someone else on duty can see and take it; the dedicated butler still owns the client.
    const stranger = await actorFor((await createStaff(db, { name: 'On call' })).id)
    await takeRequest(stranger, { requestId: toAll.id, version: row.version })
    const taken = await requestRow(toAll.id)
    expect(taken.assigneeId).toBe(stranger.userId)
    expect(taken.offerStage).toBeNull()
    expect((await db.client.findUniqueOrThrow({ where: { id: team.client.clientId } })).dedicatedButlerId).toBe(
      team.butler.id,
    )
  })

  it('two butlers taking one offered request at once: exactly one wins', async () => {
    await useResponsePolicy(180, 120)
    const team = await teamWithClient('Race to take')
    await db.user.updateMany({ where: { id: { in: [team.butler.id, team.backup.id] } }, data: { onDuty: false } })
    const request = await createRequest(team.clientActor, lounge)
    const { version } = await requestRow(request.id)
    const [x, y] = await Promise.all([
      createStaff(db, { name: 'X' }).then((u) => actorFor(u.id)),
      createStaff(db, { name: 'Y' }).then((u) => actorFor(u.id)),
    ])
    const results = await Promise.allSettled([
      takeRequest(x, { requestId: request.id, version }),
      takeRequest(y, { requestId: request.id, version }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(loser.reason).toMatchObject({ code: 'CONFLICT' })
    expect(await db.auditEvent.count({ where: { action: 'request.taken', entityId: request.id } })).toBe(1)
  })

  it('pauses the resolution clock while waiting on the client and resumes it, shifted, when the client answers', async () => {
    await useResponsePolicy(180, 120)
    const { clientActor, butlerActor } = await teamWithClient('Pause')
    const request = await createRequest(clientActor, lounge)
    await replyToRequest(butlerActor, { requestId: request.id, body: 'Which terminal?', internal: false })
    const before = await timerOf(request.id, 'RESOLUTION')
    await changeStatus(butlerActor, {
      requestId: request.id,
      status: 'WAITING_CLIENT',
      version: (await requestRow(request.id)).version,
    })
    expect((await timerOf(request.id, 'RESOLUTION')).pausedAt).not.toBeNull()
    await sleep(700)
    await postClientMessage(clientActor, { requestId: request.id, body: 'T3, please.' })
    const after = await timerOf(request.id, 'RESOLUTION')
    expect(after.pausedAt).toBeNull()
    const shift = after.dueAt.getTime() - before.dueAt.getTime()
    expect(shift).toBeGreaterThanOrEqual(600)
    expect(after.pausedMs).toBe(shift)
    expect((await requestRow(request.id)).status).toBe('IN_PROGRESS')
    // The client's message also started a next-response clock.
    expect((await timerOf(request.id, 'NEXT_RESPONSE')).metAt).toBeNull()
  })

  it('fulfilling meets the resolution clock; invalid moves and stale versions are refused and change nothing', async () => {
    await useResponsePolicy(180, 120)
    const { clientActor, butlerActor } = await teamWithClient('Fulfil')
    const request = await createRequest(clientActor, lounge)
    const v1 = (await requestRow(request.id)).version
    await expect(
      changeStatus(butlerActor, { requestId: request.id, status: 'CLOSED', version: v1 }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' })
    await changeStatus(butlerActor, { requestId: request.id, status: 'FULFILLED', version: v1 })
    await expect(
      changeStatus(butlerActor, { requestId: request.id, status: 'CLOSED', version: v1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await requestRow(request.id)).status).toBe('FULFILLED')
    expect((await timerOf(request.id, 'RESOLUTION')).metAt).not.toBeNull()
  })

  it('policy edits are validated, audited and apply to clocks started afterwards', async () => {
    await db.slaPolicy.deleteMany()
    const admin = await actorFor((await createStaff(db, { role: 'ADMIN' })).id)
    const bad = ZSlaPolicy.safeParse({
      kind: 'RESOLUTION',
      category: 'LIVING',
      targetSeconds: '60',
      atRiskSeconds: '90',
    })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues[0]).toMatchObject({ path: ['atRiskSeconds'], message: 'errors.beforeTarget' })

    const { clientActor } = await teamWithClient('Policy')
    const dinner = { category: 'LIVING' as const, title: 'Dinner', details: { service: 'RESTAURANT' as const } }
    const old = await createRequest(clientActor, dinner)
    const created = await savePolicy(
      admin,
      ZSlaPolicy.parse({ kind: 'RESOLUTION', category: 'LIVING', targetSeconds: '600', atRiskSeconds: '300' }),
    )
    const fresh = await createRequest(clientActor, dinner)
    const span = (t: { startedAt: Date; dueAt: Date }) => t.dueAt.getTime() - t.startedAt.getTime()
    expect(span(await timerOf(old.id, 'RESOLUTION'))).toBe(2 * 3600_000)
    expect(span(await timerOf(fresh.id, 'RESOLUTION'))).toBe(600_000)

    await expect(
      savePolicy(admin, ZSlaPolicy.parse({ kind: 'RESOLUTION', category: 'LIVING', targetSeconds: '900' })),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await deactivatePolicy(admin, { id: created.id, version: 1 })
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: { startsWith: 'sla_policy.' } } })).toBe(
      2,
    )
    const butler = await actorFor((await createStaff(db)).id)
    await expect(
      savePolicy(butler, ZSlaPolicy.parse({ kind: 'RESOLUTION', targetSeconds: '60' })),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
