import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The mail sink is configured before anything reads the environment (env() is read lazily).
const SINK_PORT = 2525 + Math.floor(Math.random() * 1000)

import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { acceptInvitation, inviteDelegate, revokeDelegate } from '../../lib/clients/delegates'
import { deleteOwned, saveFamilyMember, savePreference, updateSettings } from '../../lib/clients/profile'
import { ZFamilyMember, ZSettings } from '../../lib/clients/schemas'
import { loadActor } from '../../lib/auth/sessions'
import { sendOutboxEmail } from '../../lib/notifications/send'
import { getRequestDetail } from '../../lib/requests/queries'
import { createRequest, changeStatus } from '../../lib/requests/lifecycle'
import { rateRequest } from '../../lib/requests/rating'
import { replyToRequest } from '../../lib/requests/conversation'
import { actorFor, teamWithClient, useResponsePolicy } from './helpers'

const received: { to: string; data: string }[] = []
let sink: SMTPServer

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = ''
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')))
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => sink.listen(SINK_PORT, '127.0.0.1', resolve))
  process.env.SMTP_URL = `smtp://127.0.0.1:${SINK_PORT}`
})
afterAll(async () => {
  await stopProducer()
  await new Promise<void>((resolve) => sink.close(() => resolve()))
})

describe('portal', () => {
  it('an email reaches the SMTP sink when the butler replies, in the client’s language', async () => {
    await useResponsePolicy(180, 120)
    const team = await teamWithClient('Mail')
    const request = await createRequest(team.clientActor, {
      category: 'OTHER',
      title: 'Find a calligraphy teacher',
      details: {},
    })
    await replyToRequest(team.butlerActor, {
      requestId: request.id,
      body: 'I have two teachers in mind.',
      internal: false,
    })
    await replyToRequest(team.butlerActor, {
      requestId: request.id,
      body: 'Internal: check references.',
      internal: true,
    })
    const outbox = await db.outbox.findMany({ where: { toEmail: team.client.email } })
    expect(outbox).toHaveLength(1)
    expect(outbox[0].subject).toBe('管家已回复：Find a calligraphy teacher')
    expect(outbox[0].body).not.toContain('I have two teachers')
    await sendOutboxEmail(outbox[0].id)
    expect(received.map((m) => m.to)).toContain(team.client.email)
    expect((await db.outbox.findUniqueOrThrow({ where: { id: outbox[0].id } })).status).toBe('SENT')
  })

  it('a failed send is recorded and retried by the queue', async () => {
    const team = await teamWithClient('Retry')
    const row = await db.outbox.create({ data: { toEmail: team.client.email, subject: 's', body: 'b' } })
    // The sink refuses nothing, but no server accepts a malformed recipient: the send fails.
    await db.outbox.update({ where: { id: row.id }, data: { toEmail: 'not-an-address' } })
    await expect(sendOutboxEmail(row.id)).rejects.toThrow()
    const failed = await db.outbox.findUniqueOrThrow({ where: { id: row.id } })
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 })
    expect(failed.lastError).toBeTruthy()
  })

  it('a client manages only their own profile rows', async () => {
    const a = await teamWithClient('Profile A')
    const b = await teamWithClient('Profile B')
    const wife = await saveFamilyMember(
      a.clientActor,
      ZFamilyMember.parse({ name: 'Wife', relation: 'wife', birthday: '1980-05-01' }),
    )
    await expect(
      saveFamilyMember(b.clientActor, ZFamilyMember.parse({ id: wife.id, name: 'Hacked', relation: 'x' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(deleteOwned(b.clientActor, 'family_member', { id: wife.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect((await db.familyMember.findUniqueOrThrow({ where: { id: wife.id } })).name).toBe('Wife')
    await savePreference(a.clientActor, { id: null, topic: 'Diet', value: 'No shellfish' })
    expect(ZSettings.safeParse({ language: 'en', timeZone: 'Mars/Olympus' }).success).toBe(false)
    await updateSettings(a.clientActor, ZSettings.parse({ language: 'en', timeZone: 'Europe/London' }))
    const client = await db.client.findUniqueOrThrow({ where: { id: a.client.clientId } })
    expect(client).toMatchObject({ language: 'en', timeZone: 'Europe/London' })
    await expect(savePreference(a.butlerActor, { id: null, topic: 'x', value: 'y' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })

  it('a delegate invited by A acts for A only, and is refused at once after revocation', async () => {
    const a = await teamWithClient('Delegating A')
    const b = await teamWithClient('Other B')
    const email = `assistant-${Date.now()}@family.test`
    const invite = await inviteDelegate(a.clientActor, { email, relation: 'assistant' })
    const mail = await db.outbox.findFirstOrThrow({ where: { toEmail: email } })
    const token = /\/invite\/([\w-]+)/.exec(mail.body)![1]
    await acceptInvitation({ token, name: 'Assistant', password: 'a long passphrase' })
    await expect(acceptInvitation({ token, name: 'Again', password: 'a long passphrase' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })

    const user = await db.user.findUniqueOrThrow({ where: { email } })
    const delegate = await actorFor(user.id)
    expect(delegate.clientIds).toEqual([a.client.clientId])
    const filed = await createRequest(delegate, { category: 'OTHER', title: 'Flowers for the office', details: {} })
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: filed.id } })).clientId).toBe(a.client.clientId)
    const bRequest = await createRequest(b.clientActor, { category: 'OTHER', title: 'B private', details: {} })
    expect(await getRequestDetail(delegate, bRequest.id)).toBeNull()
    await expect(
      createRequest(delegate, { category: 'OTHER', title: 'x', details: {}, clientId: b.client.clientId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })

    await revokeDelegate(a.clientActor, { id: invite.id })
    const after = await loadActor(delegate.sessionId)
    expect(after!.clientIds).toEqual([])
    await expect(
      createRequest(after!, { category: 'OTHER', title: 'after revocation', details: {} }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await getRequestDetail(after!, filed.id)).toBeNull()
  })

  it('a finished request can be rated once, 1 to 5', async () => {
    const team = await teamWithClient('Rating')
    const request = await createRequest(team.clientActor, { category: 'OTHER', title: 'Umbrella', details: {} })
    await expect(rateRequest(team.clientActor, { requestId: request.id, score: 5 })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    })
    await changeStatus(team.butlerActor, { requestId: request.id, status: 'FULFILLED', version: 1 })
    await rateRequest(team.clientActor, { requestId: request.id, score: 5, comment: 'Wonderful' })
    await expect(rateRequest(team.clientActor, { requestId: request.id, score: 4 })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect((await getRequestDetail(team.butlerActor, request.id))!.rating).toEqual({ score: 5, comment: 'Wonderful' })
  })
})
