// The client's own data: a copy on request (the client only), and erasure of a departed
// client that removes what identifies them and keeps what the figures need.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

let currentSid: string | null = null
vi.mock('../../lib/next/auth', () => ({ signIn: vi.fn(), signOut: vi.fn() }))
vi.mock('../../lib/next/session-cookie', () => ({ currentSessionId: async () => currentSid }))

import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import type { Actor } from '../../lib/auth/roles'
import { createSession, loadActor } from '../../lib/auth/sessions'
import { uploadAttachment } from '../../lib/attachments/service'
import { createRequest, changeStatus } from '../../lib/requests/lifecycle'
import { postClientMessage, replyToRequest } from '../../lib/requests/conversation'
import { offerAlternative } from '../../lib/requests/alternatives'
import { rateRequest } from '../../lib/requests/rating'
import { collectOwnData } from '../../lib/privacy/export'
import { eraseClient } from '../../lib/privacy/erasure'
import { createDefaultPolicies, createDelegate, createStaff, createVendors } from '../factories'
import { actorFor, teamWithClient } from './helpers'

const text = (files: Record<string, Uint8Array>, name: string) => new TextDecoder().decode(files[name])
const PDF = Buffer.from('%PDF-1.7 the passport scan')

// One client with something of everything the bank holds.
async function richClient(name: string) {
  const team = await teamWithClient(name)
  const { clientId } = team.client
  await db.client.update({ where: { id: clientId }, data: { phone: '+86 139 1234 5678', idDocument: 'E12345678' } })
  const wife = await db.familyMember.create({
    data: { clientId, name: 'Mei', relation: 'wife', birthday: new Date('1985-03-02'), phone: '+86 138 0000 0001' },
  })
  await db.keyDate.create({
    data: {
      clientId,
      familyMemberId: wife.id,
      kind: 'BIRTHDAY',
      label: "Mei's birthday",
      date: new Date('1985-03-02'),
    },
  })
  await db.preference.create({ data: { clientId, topic: 'Diet', value: 'No shellfish' } })
  await db.clientNote.create({ data: { clientId, authorId: team.butler.id, body: 'Prefers calls after 10' } })
  const delegate = await createDelegate(db, { clientId, email: `pa-${clientId}@client.test` })
  const vendor = (await createVendors(db))[0]
  const r = await createRequest(team.clientActor, {
    category: 'HEALTH',
    title: 'Cardiology for Mei',
    description: 'Her heart again',
    details: { hospital: 'Ruijin', department: 'Cardiology', patientName: 'Mei' },
  } as never)
  await replyToRequest(team.butlerActor, { requestId: r.id, body: 'Booking Dr Li for Mei', internal: false })
  await replyToRequest(team.butlerActor, { requestId: r.id, body: 'INTERNAL: client is anxious', internal: true })
  await postClientMessage(team.clientActor, { requestId: r.id, body: 'Thank you, she is nervous' })
  await uploadAttachment(team.clientActor, r.id, new File([PDF], 'passport.pdf'))
  await db.vendorTask.create({
    data: {
      requestId: r.id,
      vendorId: vendor.id,
      description: 'Car for Mei',
      cost: 800,
      status: 'CONFIRMED',
      confirmationRef: 'Plate 沪A12345, driver Wang',
    },
  })
  const version = (await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } })).version
  await changeStatus(team.butlerActor, { requestId: r.id, status: 'FULFILLED', version })
  await rateRequest(team.clientActor, { requestId: r.id, score: 4, comment: 'Dr Li was kind to Mei' })
  const second = await createRequest(team.clientActor, {
    category: 'TRAVEL',
    title: 'Flight to London',
    details: { service: 'FLIGHT', passengers: 2, travellers: ['Mei'] },
  } as never)
  await offerAlternative(team.butlerActor, { requestId: second.id, version: 1, description: 'BA next morning' })
  return { ...team, delegate, requestId: r.id, secondId: second.id }
}

describe('the client’s own data', () => {
  let admin: Actor
  beforeAll(async () => {
    await createDefaultPolicies(db)
    admin = await actorFor((await createStaff(db, { role: 'ADMIN' })).id)
  })
  afterAll(stopProducer)

  it('gives the client everything held about them, without internal notes, and nobody else’s', async () => {
    const a = await richClient('Export A')
    const b = await richClient('Export B')
    const files = await collectOwnData(a.clientActor)
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining([
        'profile.json',
        'family.json',
        'key-dates.json',
        'preferences.json',
        'delegates.json',
        'requests.json',
      ]),
    )
    expect(JSON.parse(text(files, 'profile.json'))).toMatchObject({
      displayName: 'Export A',
      phone: '+86 139 1234 5678',
      idDocument: 'E12345678',
      email: a.client.email,
    })
    expect(JSON.parse(text(files, 'family.json'))).toMatchObject([{ name: 'Mei', relation: 'wife' }])
    expect(JSON.parse(text(files, 'key-dates.json'))).toMatchObject([{ label: "Mei's birthday", person: 'Mei' }])
    expect(JSON.parse(text(files, 'preferences.json'))).toMatchObject([{ topic: 'Diet', value: 'No shellfish' }])
    expect(JSON.parse(text(files, 'delegates.json'))).toMatchObject([{ email: a.delegate.email, status: 'ACTIVE' }])
    const requests = JSON.parse(text(files, 'requests.json'))
    const health = requests.find((r: { title: string }) => r.title === 'Cardiology for Mei')
    expect(health.messages.map((m: { body: string }) => m.body)).toEqual([
      'Her heart again',
      'Booking Dr Li for Mei',
      'Thank you, she is nervous',
    ])
    expect(health.vendorConfirmations).toMatchObject([{ confirmationRef: 'Plate 沪A12345, driver Wang' }])
    expect(health.rating).toMatchObject({ score: 4, comment: 'Dr Li was kind to Mei' })
    expect(requests.find((r: { title: string }) => r.title === 'Flight to London').alternatives).toMatchObject([
      { description: 'BA next morning', status: 'OFFERED' },
    ])
    const attachment = health.attachments[0]
    expect(Buffer.from(files[attachment.file]).equals(PDF)).toBe(true)
    const all = Object.values(files)
      .map((f) => new TextDecoder().decode(f))
      .join('\n')
    // Never the staff's internal notes, the client notes, costs, or another client's data.
    expect(all).not.toContain('INTERNAL: client is anxious')
    expect(all).not.toContain('Prefers calls after 10')
    expect(all).not.toContain('"cost"')
    expect(all).not.toContain('Export B')
    expect(all).not.toContain(b.client.email)
    expect(await db.auditEvent.count({ where: { action: 'privacy.exported', clientId: a.client.clientId } })).toBe(1)
  })

  it('is refused to delegates, staff and strangers', async () => {
    const a = await richClient('Export C')
    for (const who of [await actorFor(a.delegate.userId), a.butlerActor, admin]) {
      await expect(collectOwnData(who)).rejects.toThrow('errors.forbidden')
    }
  })

  it('the download route answers the client with a ZIP of those files, and refuses a delegate', async () => {
    const a = await richClient('Export D')
    const { GET } = await import('../../app/api/portal/export/route')
    const { unzipSync } = await import('fflate')
    currentSid = await createSession(a.client.userId)
    const res = await GET(new Request('http://local/api/portal/export'), { params: Promise.resolve({}) })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    const unzipped = unzipSync(new Uint8Array(await res.arrayBuffer()))
    expect(JSON.parse(new TextDecoder().decode(unzipped['profile.json']))).toMatchObject({ displayName: 'Export D' })
    const pdf = Object.keys(unzipped).find((n) => n.endsWith('passport.pdf'))!
    expect(Buffer.from(unzipped[pdf]).equals(PDF)).toBe(true)
    currentSid = await createSession(a.delegate.userId)
    expect((await GET(new Request('http://local/api/portal/export'), { params: Promise.resolve({}) })).status).toBe(403)
    currentSid = null
  })

  it('erases a departed client: personal data gone, requests, clocks, scores and spend kept', async () => {
    const a = await richClient('Erase Me')
    const other = await richClient('Keep Me')
    const sessionId = await createSession(a.client.userId)
    const before = {
      requests: await db.serviceRequest.count({ where: { clientId: a.client.clientId } }),
      timers: await db.slaTimer.count({ where: { request: { clientId: a.client.clientId } } }),
      messages: await db.message.count({ where: { request: { clientId: a.client.clientId } } }),
    }

    // Only admins, and only with the client's name typed out.
    await expect(eraseClient(a.butlerActor, { clientId: a.client.clientId, confirmation: 'Erase Me' })).rejects.toThrow(
      'errors.forbidden',
    )
    await expect(eraseClient(admin, { clientId: a.client.clientId, confirmation: 'Erase' })).rejects.toThrow(
      'errors.invalidValue',
    )
    expect((await db.client.findUniqueOrThrow({ where: { id: a.client.clientId } })).erasedAt).toBeNull()

    const { erasureNumber } = await eraseClient(admin, { clientId: a.client.clientId, confirmation: 'Erase Me' })
    const clientId = a.client.clientId
    const client = await db.client.findUniqueOrThrow({ where: { id: clientId }, include: { user: true } })
    expect(client).toMatchObject({ displayName: `Erased client #${erasureNumber}`, phone: null, idDocument: null })
    expect(client.user.name).toBe(`Erased client #${erasureNumber}`)
    expect(client.user.email).not.toBe(a.client.email)
    expect(client.user.disabledAt).not.toBeNull()
    expect(await loadActor(sessionId)).toBeNull()
    for (const count of [
      db.familyMember.count({ where: { clientId } }),
      db.keyDate.count({ where: { clientId } }),
      db.preference.count({ where: { clientId } }),
      db.clientNote.count({ where: { clientId } }),
      db.delegate.count({ where: { clientId } }),
      db.attachment.count({ where: { request: { clientId } } }),
      db.outbox.count({ where: { toEmail: a.client.email } }),
    ])
      expect(await count).toBe(0)
    // The delegate no longer acts for the erased client.
    expect((await actorFor(a.delegate.userId)).clientIds).not.toContain(clientId)

    // Kept for the figures: every request with its category and status, every clock, the score, the spend.
    expect(await db.serviceRequest.count({ where: { clientId } })).toBe(before.requests)
    expect(await db.slaTimer.count({ where: { request: { clientId } } })).toBe(before.timers)
    expect(await db.message.count({ where: { request: { clientId } } })).toBe(before.messages)
    const health = await db.serviceRequest.findUniqueOrThrow({
      where: { id: a.requestId },
      include: { rating: true, vendorTasks: true, messages: true, alternatives: true },
    })
    expect(health).toMatchObject({ category: 'HEALTH', status: 'FULFILLED', details: {} })
    expect(health.title).not.toContain('Mei')
    expect(health.rating).toMatchObject({ score: 4, comment: null })
    expect(Number(health.vendorTasks[0].cost)).toBe(800)
    expect(health.vendorTasks[0].confirmationRef).not.toContain('Wang')
    expect(health.messages.every((m) => m.body === '[erased]')).toBe(true)
    const second = await db.serviceRequest.findUniqueOrThrow({
      where: { id: a.secondId },
      include: { alternatives: true },
    })
    expect(second.details).toEqual({ service: 'FLIGHT' })
    expect(second.alternatives[0]).toMatchObject({ status: 'OFFERED', description: '[erased]' })

    // Nothing personal anywhere in the erasure's audit row.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'privacy.client_erased', clientId } })
    expect(audit.actorId).toBe(admin.userId)
    const row = JSON.stringify(audit.data)
    for (const personal of ['Erase Me', a.client.email, '+86 139', 'E12345678', 'Mei'])
      expect(row).not.toContain(personal)

    // Once only; and the other client is untouched.
    await expect(eraseClient(admin, { clientId, confirmation: `Erased client #${erasureNumber}` })).rejects.toThrow(
      'errors.alreadyClosed',
    )
    expect(await db.client.findUniqueOrThrow({ where: { id: other.client.clientId } })).toMatchObject({
      displayName: 'Keep Me',
      phone: '+86 139 1234 5678',
    })
    expect(await db.familyMember.count({ where: { clientId: other.client.clientId } })).toBe(1)
    expect(await db.attachment.count({ where: { request: { clientId: other.client.clientId } } })).toBe(1)
  })
})
