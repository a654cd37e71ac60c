import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { careToRequest, generateCareTasks, recordOutreach } from '../../lib/care/service'
import { upcomingCare } from '../../lib/care/queries'
import { closeHandoff, createHandoff } from '../../lib/handoffs/service'
import { openHandoffsFor } from '../../lib/handoffs/queries'
import { getRequestDetail } from '../../lib/requests/queries'
import { createRequest, transferRequest } from '../../lib/requests/lifecycle'
import { createStaff } from '../factories'
import { actorFor, teamWithClient, useResponsePolicy } from './helpers'

describe('proactive care', () => {
  afterAll(stopProducer)

  it('creates exactly one task per key date in the lead window, and none twice when run twice', async () => {
    await useResponsePolicy(180, 120)
    await db.careTask.deleteMany()
    const team = await teamWithClient('Care')
    const wife = await db.familyMember.create({
      data: { clientId: team.client.clientId, name: 'Wife', relation: 'wife' },
    })
    const now = new Date('2026-11-22T08:00:00Z')
    await db.keyDate.createMany({
      data: [
        {
          clientId: team.client.clientId,
          familyMemberId: wife.id,
          kind: 'BIRTHDAY',
          label: 'Birthday',
          date: new Date('1978-11-25'),
        },
        { clientId: team.client.clientId, kind: 'ANNIVERSARY', label: 'Wedding', date: new Date('2001-11-29') },
        { clientId: team.client.clientId, kind: 'BIRTHDAY', label: 'Too far', date: new Date('1990-12-30') },
        {
          clientId: team.client.clientId,
          kind: 'TRIP',
          label: 'Past trip',
          date: new Date('2026-11-01'),
          recurring: false,
        },
      ],
    })
    const trip = await createRequest(team.clientActor, {
      category: 'TRAVEL',
      title: 'Flight to London',
      details: { service: 'FLIGHT', passengers: 2 },
      wantedAt: '2026-11-26T09:00',
    })
    // wantedAt is wall time in the client's zone; pin it so the test does not depend on today.
    await db.serviceRequest.update({ where: { id: trip.id }, data: { wantedAt: new Date('2026-11-26T01:00:00Z') } })

    expect(await generateCareTasks(now, 7)).toBe(3)
    expect(await generateCareTasks(now, 7)).toBe(0)
    const tasks = await db.careTask.findMany({
      where: { clientId: team.client.clientId },
      orderBy: { occursOn: 'asc' },
    })
    expect(tasks.map((t) => [t.occursOn.toISOString().slice(0, 10), t.summary])).toEqual([
      ['2026-11-25', 'Birthday (Wife)'],
      ['2026-11-26', 'Flight to London'],
      ['2026-11-29', 'Wedding'],
    ])
    expect(tasks.every((t) => t.butlerId === team.butler.id)).toBe(true)

    // The butler sees it, records the outreach, or turns it into a request.
    const care = await upcomingCare(team.butlerActor)
    expect(care.map((c) => c.summary)).toContain('Birthday (Wife)')
    const outsider = await actorFor((await createStaff(db)).id)
    expect(await upcomingCare(outsider)).toEqual([])
    await recordOutreach(team.butlerActor, { careTaskId: tasks[0].id, outreach: 'Sent peonies and a card.' })
    await expect(
      recordOutreach(team.butlerActor, { careTaskId: tasks[0].id, outreach: 'again' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    const request = await careToRequest(team.butlerActor, { careTaskId: tasks[2].id, title: 'Anniversary dinner' })
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })).assigneeId).toBe(team.butler.id)
  })
})

describe('second line and transfers', () => {
  it('a hand-off stays on both sides’ lists until closed, and its owner can open the request', async () => {
    const team = await teamWithClient('Second line')
    const colleague = await actorFor((await createStaff(db, { name: 'Visa desk' })).id)
    const request = await createRequest(team.clientActor, { category: 'OTHER', title: 'Visa for Japan', details: {} })
    expect(await getRequestDetail(colleague, request.id)).toBeNull()
    const h = await createHandoff(team.butlerActor, {
      requestId: request.id,
      team: 'Visa',
      ownerId: colleague.userId,
      need: 'Passport copy check',
      dueAt: '2030-01-01T10:00',
    })
    expect((await openHandoffsFor(team.butlerActor)).map((x) => x.id)).toContain(h.id)
    expect((await openHandoffsFor(colleague)).map((x) => x.id)).toContain(h.id)
    expect(await getRequestDetail(colleague, request.id)).not.toBeNull()
    expect(await db.slaTimer.count({ where: { handoffId: h.id, kind: 'HANDOFF' } })).toBe(1)
    await closeHandoff(colleague, { handoffId: h.id })
    expect((await openHandoffsFor(team.butlerActor)).map((x) => x.id)).not.toContain(h.id)
    expect(await db.slaTimer.count({ where: { handoffId: h.id, metAt: { not: null } } })).toBe(1)
  })

  it('two concurrent transfers of one request: exactly one wins, with its reason kept', async () => {
    const team = await teamWithClient('Transfer')
    const a = await createStaff(db, { name: 'A' })
    const b = await createStaff(db, { name: 'B' })
    const request = await createRequest(team.clientActor, { category: 'OTHER', title: 'Tailor', details: {} })
    const { version } = await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })
    const results = await Promise.allSettled([
      transferRequest(team.butlerActor, {
        requestId: request.id,
        version,
        toButlerId: a.id,
        reason: 'On leave tomorrow',
      }),
      transferRequest(team.butlerActor, {
        requestId: request.id,
        version,
        toButlerId: b.id,
        reason: 'Speaks Cantonese',
      }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await db.auditEvent.count({ where: { action: 'request.transferred', entityId: request.id } })).toBe(1)
    const clientView = await getRequestDetail(team.clientActor, request.id)
    expect(clientView!.messages.some((m) => m.body === 'On leave tomorrow' || m.body === 'Speaks Cantonese')).toBe(
      false,
    )
  })
})
