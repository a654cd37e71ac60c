import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { getClient360 } from '../../lib/clients/queries'
import { addClientNote, revealPii } from '../../lib/clients/service'
import { canSeeRequest, getRequestDetail } from '../../lib/requests/queries'
import { createRequest } from '../../lib/requests/lifecycle'
import { decideAlternative, offerAlternative } from '../../lib/requests/alternatives'
import { replyToRequest } from '../../lib/requests/conversation'
import { confirmVendorTask, createVendorTask, decideApproval, needsApproval } from '../../lib/vendors/service'
import { vendorTasksFor } from '../../lib/vendors/queries'
import { createStaff, createVendors } from '../factories'
import { actorFor, teamWithClient, useResponsePolicy } from './helpers'

const hotel = {
  category: 'TRAVEL' as const,
  title: 'Suite in Shanghai',
  details: { service: 'HOTEL' as const, passengers: 2 },
}
const version = async (id: string) => (await db.serviceRequest.findUniqueOrThrow({ where: { id } })).version

describe('butler console', () => {
  afterAll(stopProducer)

  it('the client 360 is open only to staff who serve or cover the client, and every view and reveal is audited', async () => {
    await useResponsePolicy(180, 120)
    const team = await teamWithClient('360 Client')
    await db.client.update({
      where: { id: team.client.clientId },
      data: { phone: '+86 139 1234 5678', idDocument: 'E12345678' },
    })
    await db.familyMember.create({
      data: { clientId: team.client.clientId, name: 'Daughter', relation: 'daughter', phone: '+86 135 0000 1111' },
    })
    const outsider = await actorFor((await createStaff(db, { name: 'Outsider' })).id)

    expect(await getClient360(outsider, team.client.clientId)).toBeNull()
    await expect(revealPii(outsider, { clientId: team.client.clientId, field: 'phone' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(
      addClientNote(outsider, { clientId: team.client.clientId, body: 'x', pinned: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    // A client is refused by role, the one way every loader refuses a role (policy.ts).
    await expect(getClient360(team.clientActor, team.client.clientId)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    // Nor the client's requests: not by page query, not through the event stream's check.
    const request = await createRequest(team.clientActor, hotel)
    expect(await getRequestDetail(outsider, request.id)).toBeNull()
    expect(await canSeeRequest(outsider, request.id)).toBe(false)
    await expect(
      replyToRequest(outsider, { requestId: request.id, body: 'hi', internal: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })

    const before = await db.auditEvent.count({ where: { clientId: team.client.clientId, action: 'client.viewed' } })
    const view = await getClient360(team.butlerActor, team.client.clientId)
    expect(view!.phoneMasked).toBe('+** *** **** 5678')
    expect(view!.idMasked).toBe('E1*****78')
    expect(view!.family[0].phoneMasked).toBe('+** *** **** 1111')
    expect(await db.auditEvent.count({ where: { clientId: team.client.clientId, action: 'client.viewed' } })).toBe(
      before + 1,
    )

    const revealed = await revealPii(team.backup.id ? await actorFor(team.backup.id) : team.butlerActor, {
      clientId: team.client.clientId,
      field: 'phone',
    })
    expect(revealed.value).toBe('+86 139 1234 5678')
    const reveals = await db.auditEvent.findMany({
      where: { clientId: team.client.clientId, action: 'client.pii_revealed' },
    })
    expect(reveals).toHaveLength(1)
    expect(reveals[0].actorId).toBe(team.backup.id)
  })

  it('notes carry over: a note by the dedicated butler is shown to the backup, pinned first', async () => {
    const team = await teamWithClient('Notes')
    await addClientNote(team.butlerActor, {
      clientId: team.client.clientId,
      body: 'Prefers a quiet room, high floor.',
      pinned: false,
    })
    await addClientNote(team.butlerActor, {
      clientId: team.client.clientId,
      body: 'Allergic to shellfish.',
      pinned: true,
    })
    const backupView = await getClient360(await actorFor(team.backup.id), team.client.clientId)
    expect(backupView!.notes.map((n) => n.body)).toEqual([
      'Allergic to shellfish.',
      'Prefers a quiet room, high floor.',
    ])
  })

  it('never say no: an alternative answers the client, who accepts it and the request closes', async () => {
    const team = await teamWithClient('Alternative')
    const request = await createRequest(team.clientActor, hotel)
    await replyToRequest(team.butlerActor, { requestId: request.id, body: 'Checking availability.', internal: false })
    const alt = await offerAlternative(team.butlerActor, {
      requestId: request.id,
      version: await version(request.id),
      description: 'The Peninsula is full; Bulgari has a suite.',
    })
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe(
      'ALTERNATIVE_OFFERED',
    )
    const seen = await getRequestDetail(team.clientActor, request.id)
    expect(seen!.alternatives).toMatchObject([
      { description: 'The Peninsula is full; Bulgari has a suite.', status: 'OFFERED' },
    ])

    const other = await teamWithClient('Not yours')
    await expect(decideAlternative(other.clientActor, { alternativeId: alt.id, accept: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await decideAlternative(team.clientActor, { alternativeId: alt.id, accept: true })
    const closed = await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })
    expect(closed.status).toBe('CLOSED')
    expect(closed.closedAt).not.toBeNull()
    await expect(decideAlternative(team.clientActor, { alternativeId: alt.id, accept: false })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('a declined alternative sends the request back to work with a new response clock', async () => {
    const team = await teamWithClient('Declined')
    const request = await createRequest(team.clientActor, hotel)
    const alt = await offerAlternative(team.butlerActor, {
      requestId: request.id,
      version: await version(request.id),
      description: 'Next week instead?',
    })
    await decideAlternative(team.clientActor, { alternativeId: alt.id, accept: false })
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('IN_PROGRESS')
    expect(await db.slaTimer.count({ where: { requestId: request.id, kind: 'NEXT_RESPONSE', metAt: null } })).toBe(1)
  })

  it('spend above the butler’s authority waits for a supervisor, then confirms; the client sees only the confirmation', async () => {
    const [vendor] = await createVendors(db)
    const team = await teamWithClient('Vendor')
    const request = await createRequest(team.clientActor, hotel)
    const due = '2030-01-01T10:00'
    const small = await createVendorTask(team.butlerActor, {
      requestId: request.id,
      vendorId: vendor.id,
      description: 'Car',
      cost: 800,
      currency: 'CNY',
      dueAt: due,
    })
    expect(small.status).toBe('REQUESTED')
    const big = await createVendorTask(team.butlerActor, {
      requestId: request.id,
      vendorId: vendor.id,
      description: 'Suite',
      cost: 28000,
      currency: 'CNY',
      dueAt: due,
    })
    expect(big.status).toBe('PENDING_APPROVAL')
    const bigRow = () => db.vendorTask.findUniqueOrThrow({ where: { id: big.id } })

    await expect(
      confirmVendorTask(team.butlerActor, { taskId: big.id, version: 1, confirmationRef: 'X' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(decideApproval(team.butlerActor, { taskId: big.id, version: 1, approve: true })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    )
    const supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id)
    await decideApproval(supervisor, { taskId: big.id, version: 1, approve: true })
    await confirmVendorTask(team.butlerActor, {
      taskId: big.id,
      version: (await bigRow()).version,
      confirmationRef: 'PEN-88231',
    })
    expect((await bigRow()).status).toBe('CONFIRMED')
    expect(await db.slaTimer.count({ where: { vendorTaskId: big.id, metAt: { not: null } } })).toBe(1)

    const clientSees = await vendorTasksFor(team.clientActor, request.id)
    expect(clientSees).toHaveLength(1)
    expect(clientSees[0]).toMatchObject({ confirmationRef: 'PEN-88231', cost: null })
    // Staff see both, in order, with cost in two places and the approval; a stranger sees none.
    const butlerSees = await vendorTasksFor(team.butlerActor, request.id)
    expect(butlerSees.map((t) => [t.description, t.status, t.approval, t.cost, t.dueAt])).toEqual([
      ['Car', 'REQUESTED', 'NOT_NEEDED', '800.00', expect.any(String)],
      ['Suite', 'CONFIRMED', 'APPROVED', '28000.00', expect.any(String)],
    ])
    expect(butlerSees[1].dueAt).toBe((await bigRow()).dueAt?.toISOString())
    expect(butlerSees[1]).toMatchObject({
      vendorName: vendor.name,
      vendorKind: 'car',
      version: expect.any(Number),
    })
    const stranger = await actorFor((await createStaff(db, {})).id)
    expect(await vendorTasksFor(stranger, request.id)).toEqual([])
  })

  it('authority rules: within the limit alone, above it or in another currency needs approval', () => {
    expect(needsApproval(5000, 'CNY', 5000)).toBe(false)
    expect(needsApproval(5000.01, 'CNY', 5000)).toBe(true)
    expect(needsApproval(100, 'USD', 5000)).toBe(true)
    expect(needsApproval(0, 'USD', null)).toBe(false)
    expect(needsApproval(1, 'CNY', null)).toBe(true)
  })
})
