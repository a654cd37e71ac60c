import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import type { Actor } from '../../lib/auth/roles'
import { createRequest } from '../../lib/requests/lifecycle'
import { postClientMessage, replyToRequest } from '../../lib/requests/conversation'
import { offerAlternative } from '../../lib/requests/alternatives'
import {
  getMessage,
  getRequestDetail,
  getRequestLive,
  listRequests,
  requestSummariesOf,
} from '../../lib/requests/queries'
import { attachmentsFor } from '../../lib/attachments/service'
import { handoffsForRequest } from '../../lib/handoffs/queries'
import { checklistFor } from '../../lib/process/queries'
import { openReviewFor } from '../../lib/risk/service'
import { notesForRequestView } from '../../lib/clients/queries'
import { requestWorkspace } from '../../lib/console/request-panels'
import { listActiveVendors, vendorTasksFor } from '../../lib/vendors/queries'
import { createDelegate, createStaff, createVendors } from '../factories'
import { actorFor, teamWithClient } from './helpers'

afterAll(stopProducer)

// The console request page reads the request and its side panels in one statement
// (requestWorkspace): the request as getRequestDetail reads it, each panel what its own reader
// answers, for the same viewer; nothing at all for a viewer out of scope.
async function expectWorkspaceAsReaders(viewer: Actor, requestId: string) {
  const workspace = await requestWorkspace(viewer, requestId)
  const detail = await getRequestDetail(viewer, requestId)
  if (!detail) return expect(workspace).toBeNull()
  expect(workspace?.request).toEqual(detail)
  const request = await db.serviceRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { clientId: true, category: true, client: { select: { language: true } } },
  })
  expect(workspace?.panels).toEqual({
    notes: await notesForRequestView(viewer, request.clientId),
    tasks: await vendorTasksFor(viewer, requestId),
    vendors: await listActiveVendors(),
    steps: await checklistFor(viewer, requestId),
    canned: await db.cannedReply.findMany({
      where: { category: request.category, locale: request.client.language },
      orderBy: { title: 'asc' },
      select: { id: true, title: true, body: true },
    }),
    handoffs: await handoffsForRequest(viewer, requestId),
    colleagues: await db.user.findMany({
      where: { role: 'BUTLER', disabledAt: null },
      orderBy: [{ onDuty: 'desc' }, { name: 'asc' }],
      select: { id: true, name: true, onDuty: true },
    }),
    files: await attachmentsFor(viewer, requestId),
    review: await openReviewFor(viewer, requestId),
  })
}

// The request page's and the lists' raw statements read what the model reads of the same
// request would:
// the list's row and clocks (getRequestLive) and each message as a live thread reads it
// (getMessage), for every kind of viewer; nothing for a viewer out of scope.
async function expectSameAsModelReads(viewer: Actor, requestId: string) {
  // The lists' raw rows (the console queue's) agree with the model's list, scope included.
  expect(await requestSummariesOf(viewer, [requestId])).toEqual(await listRequests(viewer, { id: requestId }))
  const detail = await getRequestDetail(viewer, requestId)
  const live = await getRequestLive(viewer, requestId)
  if (!live) return expect(detail).toBeNull()
  expect(detail).not.toBeNull()
  const { clientLanguage: _l, rating: _r, details: _d, wantedAt: _w, alternatives: _a, messages, ...row } = detail!
  expect(row).toEqual(live)
  const ids = (
    await db.message.findMany({
      where: { requestId, ...(viewer.role === 'CLIENT' || viewer.role === 'DELEGATE' ? { visibility: 'CLIENT' } : {}) },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    })
  ).map((m) => m.id)
  const expected = (await Promise.all(ids.map((id) => getMessage(viewer, id)))).map((m) => {
    const { requestId: _q, key: _k, ...shown } = m!
    return shown
  })
  expect(messages).toEqual(expected)
}

describe('the request page read', () => {
  it('agrees with the model reads for the client, a delegate, the butlers, a supervisor and strangers; the panels keep its scope', async () => {
    const team = await teamWithClient('Detail Client')
    const delegate = await createDelegate(db, { clientId: team.client.clientId })
    const supervisor = await createStaff(db, { role: 'SUPERVISOR', name: 'Detail Supervisor' })
    const stranger = await createStaff(db, { name: 'Detail Stranger', onDuty: true })
    const offDuty = await createStaff(db, { name: 'Detail Off Duty', onDuty: false })

    const request = await createRequest(team.clientActor, {
      category: 'OTHER',
      title: 'Tea at the Peninsula',
      details: {},
    })
    await db.serviceRequest.update({ where: { id: request.id }, data: { details: { guests: 4 } } })
    await postClientMessage(team.clientActor, { requestId: request.id, body: 'Window table, please' })
    // The butler has a photo: their bubbles carry its address.
    await db.staffPhoto.create({
      data: {
        userId: team.butler.id,
        storageKey: 'detail-photo-1',
        mimeType: 'image/webp',
        sizeBytes: 3,
        content: Buffer.from('abc'),
      },
    })
    await replyToRequest(team.butlerActor, { requestId: request.id, body: 'Booked for 4 pm', internal: false })
    await replyToRequest(team.butlerActor, {
      requestId: request.id,
      body: 'Regular guest, likes scones',
      internal: true,
    })
    const version = (await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })).version
    await offerAlternative(team.butlerActor, { requestId: request.id, version, description: 'The Lobby at 5 pm' })
    await db.rating.create({ data: { requestId: request.id, score: 5, comment: 'Perfect' } })

    const viewers = [
      team.clientActor,
      await actorFor(delegate.userId),
      team.butlerActor,
      await actorFor(team.backup.id),
      await actorFor(supervisor.id),
      await actorFor(stranger.id),
      (await teamWithClient('Detail Other')).clientActor,
    ]
    for (const viewer of viewers) await expectSameAsModelReads(viewer, request.id)

    const forClient = (await getRequestDetail(team.clientActor, request.id))!
    expect(forClient.messages.map((m) => m.body)).toEqual(['Window table, please', 'Booked for 4 pm'])
    expect(forClient.messages[1].authorPhotoUrl).toContain('detail-photo-1')
    expect(forClient).toMatchObject({
      details: { guests: 4 },
      rating: { score: 5, comment: 'Perfect' },
      alternatives: [{ description: 'The Lobby at 5 pm', status: 'OFFERED', decidedAt: null }],
      timers: [],
    })
    expect((await getRequestDetail(team.butlerActor, request.id))!.messages).toHaveLength(3)
    expect(await getRequestDetail(await actorFor(stranger.id), request.id)).toBeNull()

    // The page's other raw reads keep to the same scope.
    await db.categoryConfig.upsert({
      where: { category: 'OTHER' },
      create: { category: 'OTHER', nameZh: '其他', nameEn: 'Other' },
      update: {},
    })
    const step = await db.checklistStep.create({
      data: { category: 'OTHER', position: 99, labelZh: '确认人数', labelEn: 'Confirm the party size' },
    })
    await db.requestChecklistItem.create({ data: { requestId: request.id, stepId: step.id, doneById: team.butler.id } })
    const handoff = await db.handoff.create({
      data: { requestId: request.id, team: 'Travel desk', need: 'Car at 3:30', dueAt: new Date(Date.now() + 3600_000) },
    })
    const file = await db.attachment.create({
      data: {
        requestId: request.id,
        uploadedById: team.client.userId,
        fileName: 'menu.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 3,
        storageKey: `detail-${request.id}`,
        content: Buffer.from('pdf'),
      },
    })
    await db.riskReview.create({ data: { requestId: request.id, reasons: [{ kind: 'AMOUNT', label: 'Over 50,000' }] } })
    await db.clientNote.create({
      data: { clientId: team.client.clientId, authorId: team.butler.id, body: 'Prefers tea' },
    })
    const strangerActor = await actorFor(stranger.id)
    expect(await openReviewFor(team.butlerActor, request.id)).toEqual([{ kind: 'AMOUNT', label: 'Over 50,000' }])
    expect(await openReviewFor(strangerActor, request.id)).toBeNull()
    for (const viewer of [team.butlerActor, await actorFor(team.backup.id), await actorFor(supervisor.id)])
      expect((await notesForRequestView(viewer, team.client.clientId)).map((n) => n.body)).toEqual(['Prefers tea'])
    expect(await notesForRequestView(strangerActor, team.client.clientId)).toEqual([])
    expect((await checklistFor(team.butlerActor, request.id)).find((x) => x.id === step.id)?.doneAt).toEqual(
      expect.any(String),
    )
    expect(await checklistFor(strangerActor, request.id)).toEqual([])
    expect((await handoffsForRequest(team.butlerActor, request.id)).map((h) => h.id)).toEqual([handoff.id])
    expect(await handoffsForRequest(strangerActor, request.id)).toEqual([])
    for (const viewer of [
      team.clientActor,
      await actorFor(delegate.userId),
      team.butlerActor,
      await actorFor(supervisor.id),
    ])
      expect((await attachmentsFor(viewer, request.id)).map((a) => a.id)).toEqual([file.id])
    expect(await attachmentsFor(strangerActor, request.id)).toEqual([])
    expect(await attachmentsFor((await teamWithClient('Detail Third')).clientActor, request.id)).toEqual([])
    await db.cannedReply.create({
      data: { category: 'OTHER', locale: 'zh_CN', title: '已确认', body: '已为您确认。' },
    })
    const [vendor] = await createVendors(db)
    await db.vendorTask.create({
      data: { requestId: request.id, vendorId: vendor.id, description: 'Flowers', cost: 880.5, currency: 'CNY' },
    })
    const staffViewers = [
      team.butlerActor,
      await actorFor(team.backup.id),
      await actorFor(supervisor.id),
      strangerActor,
    ]
    for (const viewer of staffViewers) await expectWorkspaceAsReaders(viewer, request.id)

    // Offered to the whole team: butlers on duty see it, those off duty do not.
    await db.serviceRequest.update({ where: { id: request.id }, data: { offerStage: 'ALL' } })
    expect(await getRequestDetail(await actorFor(stranger.id), request.id)).not.toBeNull()
    expect(await getRequestDetail(await actorFor(offDuty.id), request.id)).toBeNull()
    await expectSameAsModelReads(await actorFor(stranger.id), request.id)
    // Offered: the request's panels, but not the client's notes (client scope).
    await expectWorkspaceAsReaders(await actorFor(stranger.id), request.id)
    expect((await requestWorkspace(await actorFor(stranger.id), request.id))?.panels.tasks).toHaveLength(1)
  })
})
