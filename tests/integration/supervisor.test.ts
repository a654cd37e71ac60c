import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { loadActor } from '../../lib/auth/sessions'
import { firstResponseKpi, firstContactResolution } from '../../lib/kpi/queries'
import { reviewsFor, sampleWeek, scoreReview } from '../../lib/quality/service'
import { listRequests, openRequestsForBoard } from '../../lib/requests/queries'
import { createRequest } from '../../lib/requests/lifecycle'
import { replyToRequest } from '../../lib/requests/conversation'
import { syncDutyFromRoster } from '../../lib/roster/service'
import { bulkReassign, changeRole, setDisabled } from '../../lib/staff/service'
import { createStaff } from '../factories'
import { actorFor, teamWithClient } from './helpers'

const T0 = new Date('2026-10-05T00:00:00Z')
const at = (s: number) => new Date(T0.getTime() + s * 1000)

describe('supervisor', () => {
  it('the live board lists exactly what the scoped list of open requests does, in one raw statement', async () => {
    const team = await teamWithClient('Board Client')
    const first = await createRequest(team.clientActor, { category: 'OTHER', title: 'Orchids', details: {} })
    await createRequest(team.clientActor, { category: 'OTHER', title: 'Tailor', details: {} })
    await replyToRequest(team.butlerActor, { requestId: first.id, body: 'On it', internal: false })
    const supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR', name: 'Board Lead' })).id)
    const board = await openRequestsForBoard(supervisor)
    expect(board.length).toBeGreaterThanOrEqual(2)
    expect(board).toEqual(await listRequests(supervisor, { openOnly: true, take: 1000 }))
    await expect(openRequestsForBoard(team.butlerActor)).rejects.toThrow()
  })

  afterAll(stopProducer)

  it('KPI figures match a hand-computed fixture of 20 requests', async () => {
    await db.slaTimer.deleteMany()
    const team = await teamWithClient('KPI')
    const supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id)
    // First responses after 10, 20, ... 190 s; the last one never answered.
    for (let i = 0; i < 20; i++) {
      const r = await db.serviceRequest.create({
        data: {
          clientId: team.client.clientId,
          createdById: team.client.userId,
          category: 'OTHER',
          title: `K${i}`,
          createdAt: at(i * 1000),
        },
      })
      const started = at(i * 1000)
      const answered = i < 19 ? new Date(started.getTime() + (i + 1) * 10_000) : null
      const due = new Date(started.getTime() + 180_000)
      await db.slaTimer.create({
        data: {
          requestId: r.id,
          kind: 'FIRST_RESPONSE',
          startedAt: started,
          dueAt: due,
          metAt: answered,
          breachedAt: answered && answered < due ? null : due,
        },
      })
      await db.slaTimer.create({
        data: {
          requestId: r.id,
          kind: 'RESOLUTION',
          startedAt: started,
          dueAt: at(i * 1000 + 7200),
          metAt: at(i * 1000 + 600),
        },
      })
      if (i % 4 === 0)
        await db.slaTimer.create({
          data: { requestId: r.id, kind: 'NEXT_RESPONSE', startedAt: at(i * 1000 + 300), dueAt: at(i * 1000 + 480) },
        })
    }
    const kpi = await firstResponseKpi(supervisor, { from: T0, to: at(86_400) })
    // Answered in 10..190 s: within 3 minutes are 10..170 (17 of 20); 180 and 190 are late, one unanswered.
    expect(kpi).toMatchObject({ total: 20, answered: 19, breaches: 3 })
    expect(kpi.withinShare).toBeCloseTo(17 / 20, 10)
    expect(kpi.p50Seconds).toBeCloseTo(100, 6) // median of 10..190
    expect(kpi.p95Seconds).toBeCloseTo(181, 6) // continuous percentile of 19 values: 10 + 0.95*18*10
    const fcr = await firstContactResolution(supervisor, { from: T0, to: at(86_400) })
    expect(fcr).toMatchObject({ finished: 20, firstContact: 15 })
    await expect(firstResponseKpi(team.butlerActor, { from: T0, to: at(1) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })

  it('samples finished requests per butler once a week, and the butler sees the score and feedback', async () => {
    const team = await teamWithClient('QA')
    const supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id)
    const lastWeek = new Date('2026-11-11T10:00:00Z')
    for (let i = 0; i < 5; i++) {
      const r = await db.serviceRequest.create({
        data: {
          clientId: team.client.clientId,
          createdById: team.client.userId,
          assigneeId: team.butler.id,
          category: 'OTHER',
          title: `QA${i}`,
          status: 'CLOSED',
        },
      })
      await db.slaTimer.create({
        data: { requestId: r.id, kind: 'RESOLUTION', startedAt: lastWeek, dueAt: lastWeek, metAt: lastWeek },
      })
    }
    const now = new Date('2026-11-16T01:00:00Z')
    expect(await sampleWeek(now, 3)).toBe(3)
    expect(await sampleWeek(now, 3)).toBe(0)
    const review = await db.qaReview.findFirstOrThrow({ where: { butlerId: team.butler.id } })
    await scoreReview(supervisor, {
      reviewId: review.id,
      timeliness: 5,
      courtesy: 4,
      accuracy: 5,
      completeness: 4,
      proactivity: 3,
      comment: 'Call ahead next time.',
    })
    await expect(
      scoreReview(supervisor, {
        reviewId: review.id,
        timeliness: 1,
        courtesy: 1,
        accuracy: 1,
        completeness: 1,
        proactivity: 1,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    const own = await reviewsFor(team.butlerActor, team.butler.id)
    expect(own.reviews[0]).toMatchObject({ comment: 'Call ahead next time.', average: 4.2 })
    await expect(reviewsFor(team.butlerActor, team.backup.id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('a disabled or re-roled user’s session ends at once', async () => {
    const admin = await actorFor((await createStaff(db, { role: 'ADMIN' })).id)
    const butler = await actorFor((await createStaff(db)).id)
    await setDisabled(admin, { userId: butler.userId, disabled: true })
    expect(await loadActor(butler.sessionId)).toBeNull()
    const other = await actorFor((await createStaff(db)).id)
    await changeRole(admin, { userId: other.userId, role: 'SUPERVISOR' })
    expect(await loadActor(other.sessionId)).toBeNull()
    await expect(setDisabled(other, { userId: admin.userId, disabled: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })

  it('bulk reassign moves every client in one step, each change audited', async () => {
    const team = await teamWithClient('Leaving')
    const second = await db.client.create({
      data: {
        userId: (await createStaff(db, { name: 'placeholder' })).id,
        displayName: 'Second',
        dedicatedButlerId: team.butler.id,
      },
    })
    const supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id)
    const result = await bulkReassign(supervisor, {
      fromButlerId: team.butler.id,
      toButlerId: team.backup.id,
      scope: 'dedicated',
    })
    expect(result.moved).toBe(2)
    const moved = await db.client.findMany({ where: { id: { in: [team.client.clientId, second.id] } } })
    expect(moved.every((c) => c.dedicatedButlerId === team.backup.id)).toBe(true)
    // The old backup became dedicated, so the client no longer has them as backup too.
    expect(moved.find((c) => c.id === team.client.clientId)!.backupButlerId).toBeNull()
    expect(
      await db.auditEvent.count({
        where: { action: 'client.butler_reassigned', entityId: { in: [team.client.clientId, second.id] } },
      }),
    ).toBe(2)
  })

  it('shift edges set availability', async () => {
    const butler = await createStaff(db, { onDuty: false })
    const now = new Date()
    await db.shift.create({
      data: {
        butlerId: butler.id,
        startsAt: new Date(now.getTime() - 30_000),
        endsAt: new Date(now.getTime() + 8 * 3600_000),
      },
    })
    await syncDutyFromRoster(now)
    expect((await db.user.findUniqueOrThrow({ where: { id: butler.id } })).onDuty).toBe(true)
    await syncDutyFromRoster(new Date(now.getTime() + 8 * 3600_000 + 10_000))
    expect((await db.user.findUniqueOrThrow({ where: { id: butler.id } })).onDuty).toBe(false)
  })
})

describe('password change', () => {
  it('ends every other session of the user at once and keeps the current one', async () => {
    const { changePassword, createSession } = await import('../../lib/auth/sessions')
    const user = await createStaff(db, { password: 'correct horse battery' })
    const here = await actorFor(user.id)
    const elsewhere = await createSession(user.id)
    expect(await changePassword(here, 'wrong', 'a brand new passphrase')).toBe(false)
    expect(await loadActor(elsewhere)).not.toBeNull()
    expect(await changePassword(here, 'correct horse battery', 'a brand new passphrase')).toBe(true)
    expect(await loadActor(elsewhere)).toBeNull()
    expect(await loadActor(here.sessionId)).not.toBeNull()
  })
})
