// Conformance of the WeCom channel against a local simulator of WeCom's documented API:
// the callback handshake and signature, sync by cursor, token refresh, sending with retries,
// binding WeChat users to clients, and the full loop through the request service and clocks.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// The callback route needs no session; Auth.js itself is not loaded outside Next.
vi.mock('../../lib/next/auth', () => ({ signIn: vi.fn(), signOut: vi.fn() }))
vi.mock('../../lib/next/session-cookie', () => ({ currentSessionId: async () => null }))
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { createBindingCode } from '../../lib/channels/binding'
import { bindContactAndRoute } from '../../lib/channels/inbound'
import { MAX_SEND_ATTEMPTS, retryDelaySeconds, sendChannelDelivery } from '../../lib/channels/outbound'
import { unboundContacts } from '../../lib/channels/queries'
import { saveWecomSettings } from '../../lib/channels/wecom/admin'
import { getRequestDetail } from '../../lib/requests/queries'
import { replyToRequest } from '../../lib/requests/conversation'
import { GET as getRoute, POST as postRoute } from '../../app/api/channels/wecom/route'
import { createStaff } from '../factories'
import { WecomSimulator } from '../wecom-simulator'
import { actorFor, teamWithClient, useResponsePolicy } from './helpers'

// Route handlers take (request, context); the callback has no params.
const NO_PARAMS = { params: Promise.resolve({}) }
const GET = (req: Request) => getRoute(req, NO_PARAMS)
const POST = (req: Request) => postRoute(req, NO_PARAMS)

const APP = 'http://app.local/api/channels/wecom'
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF wechat photo bytes')])
const sim = new WecomSimulator()

const channelRows = async () => {
  const [inbound, contacts, deliveries, requests, messages] = await Promise.all([
    db.channelInbound.count(),
    db.channelContact.count(),
    db.channelDelivery.count(),
    db.serviceRequest.count(),
    db.message.count(),
  ])
  return { inbound, contacts, deliveries, requests, messages }
}

async function deliverCallback() {
  const res = await POST(sim.callback(APP).request())
  expect(res.status).toBe(200)
  expect(await res.text()).toBe('success')
}

// The channel's own notices ("you are connected") are not part of a request; send them out of the way.
async function sendPendingNotices() {
  for (const d of await db.channelDelivery.findMany({ where: { messageId: null, status: 'PENDING' } }))
    await sendChannelDelivery(d.id)
}

async function jobsFor(deliveryId: string) {
  return db.$queryRaw<{ start_after: Date; created_on: Date }[]>`
    SELECT start_after, created_on FROM pgboss.job WHERE name = 'channel-send' AND data->>'deliveryId' = ${deliveryId} ORDER BY created_on`
}

let admin: Awaited<ReturnType<typeof actorFor>>
let supervisor: Awaited<ReturnType<typeof actorFor>>

beforeAll(async () => {
  await sim.start()
  await useResponsePolicy(180)
  admin = await actorFor((await createStaff(db, { role: 'ADMIN' })).id)
  supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id)
  await saveWecomSettings(admin, {
    apiBase: sim.url,
    corpId: sim.corpId,
    openKfId: sim.openKfId,
    secret: sim.secret,
    token: sim.token,
    aesKey: sim.aesKey,
  })
})
afterAll(async () => {
  await stopProducer()
  await sim.stop()
})

describe('WeCom callback', () => {
  it('answers the URL-verification handshake with the decrypted echostr, and only when signed', async () => {
    const ok = await GET(sim.verification(APP, '1616140317555161061'))
    expect(ok.status).toBe(200)
    expect(await ok.text()).toBe('1616140317555161061')
    const forged = await GET(sim.verification(APP, 'x', { signature: '0'.repeat(40) }))
    expect(forged.status).toBe(403)
    expect(await forged.text()).not.toContain('x')
  })

  it('refuses a bad signature with 403 and writes nothing; bad input gets a 4xx, never a 5xx', async () => {
    sim.userWrites('wm-stranger-0', { text: 'should not be read' })
    const before = await channelRows()
    const syncsBefore = sim.count('/cgi-bin/kf/sync_msg')
    const forged = sim.callback(APP, { signature: 'f'.repeat(40) })
    expect((await POST(forged.request())).status).toBe(403)
    // A valid signature over a different body is a bad signature for this one.
    const real = sim.callback(APP)
    const swapped = real.body.replace(
      /<Encrypt><!\[CDATA\[[^\]]+\]\]>/,
      `<Encrypt><![CDATA[${Buffer.alloc(64, 1).toString('base64')}]]>`,
    )
    expect((await POST(new Request(real.url, { method: 'POST', body: swapped }))).status).toBe(403)
    const malformed = [
      new Request(APP, { method: 'POST', body: '<xml/>' }),
      new Request(`${real.url}`, { method: 'POST', body: '' }),
      new Request(`${real.url}`, {
        method: 'POST',
        body: '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>',
      }),
      new Request(`${real.url}`, { method: 'POST', body: `${real.body}${real.body}` }),
      new Request(`${real.url}`, { method: 'POST', body: 'x'.repeat(70_000) }),
      new Request(`${APP}?msg_signature=a&timestamp=b&nonce=c&echostr=%%%`),
      new Request(`${APP}?msg_signature=a&timestamp=b`),
    ]
    for (const req of malformed) {
      const res = await (req.method === 'GET' ? GET(req) : POST(req))
      expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
    }
    expect(await channelRows()).toEqual(before)
    expect(sim.count('/cgi-bin/kf/sync_msg')).toBe(syncsBefore)
  })

  it('keeps messages from an unbound WeChat user in the supervisor queue, out of every client', async () => {
    const before = await channelRows()
    await deliverCallback()
    const contact = await db.channelContact.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'WECOM', externalId: 'wm-stranger-0' } },
    })
    expect(contact.clientId).toBeNull()
    const rows = await db.channelInbound.findMany({ where: { contactId: contact.id } })
    expect(rows.map((r) => [r.status, r.text])).toEqual([['HELD', 'should not be read']])
    const after = await channelRows()
    expect(after.requests).toBe(before.requests)
    expect(after.messages).toBe(before.messages)
    const queue = await unboundContacts(supervisor)
    expect(queue).toEqual([
      expect.objectContaining({
        id: contact.id,
        held: 1,
        latest: expect.objectContaining({ kind: 'text', text: 'should not be read' }),
      }),
    ])
    expect(queue[0].label).not.toContain('wm-stranger-0')
  })
})

describe('binding a WeChat user to a client', () => {
  it('binds with the one-time code from the portal, routes the waiting messages and confirms on WeChat', async () => {
    const { client, clientActor } = await teamWithClient('Code Client')
    sim.userWrites('wm-code-user', { text: '你好，我想预订明晚的餐厅' })
    await deliverCallback()
    const contact = await db.channelContact.findFirstOrThrow({ where: { externalId: 'wm-code-user' } })
    expect(contact.clientId).toBeNull()

    const { code, expiresAt } = await createBindingCode(clientActor)
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000)
    // Only a hash is kept.
    const stored = await db.channelBindingCode.findFirstOrThrow({ where: { clientId: client.clientId } })
    expect(stored.codeHash).not.toContain(code.replace('-', ''))

    sim.userWrites('wm-code-user', { text: ` ${code.toLowerCase()} ` })
    await deliverCallback()
    const bound = await db.channelContact.findUniqueOrThrow({ where: { id: contact.id } })
    expect(bound.clientId).toBe(client.clientId)
    const statuses = await db.channelInbound.findMany({
      where: { contactId: contact.id },
      orderBy: { sentAt: 'asc' },
      select: { status: true },
    })
    expect(statuses.map((s) => s.status).sort()).toEqual(['BINDING', 'ROUTED'])
    // The message held before binding is now the client's request, with its clock running.
    const request = await db.serviceRequest.findFirstOrThrow({
      where: { clientId: client.clientId },
      include: { messages: true, timers: true },
    })
    expect(request.messages.map((m) => m.body)).toEqual(['你好，我想预订明晚的餐厅'])
    expect(request.messages.some((m) => m.body.includes(code))).toBe(false)
    expect(request.timers.find((t) => t.kind === 'FIRST_RESPONSE')).toMatchObject({ metAt: null })
    expect(
      await db.auditEvent.count({
        where: { action: 'channel.contact_bound', clientId: client.clientId, data: { path: ['via'], equals: 'code' } },
      }),
    ).toBe(1)
    await sendPendingNotices()
    expect(sim.sent.at(-1)).toMatchObject({
      touser: 'wm-code-user',
      text: { content: expect.stringContaining('钻石管家') },
    })

    // A connected client is not offered another code.
    await expect(createBindingCode(clientActor)).rejects.toMatchObject({ code: 'CONFLICT' })
    // The code works once.
    sim.userWrites('wm-someone-else', { text: code })
    await deliverCallback()
    const other = await db.channelContact.findFirstOrThrow({ where: { externalId: 'wm-someone-else' } })
    expect(other.clientId).toBeNull()
  })

  it('refuses an expired code', async () => {
    const { client, clientActor } = await teamWithClient('Late Client')
    const { code } = await createBindingCode(clientActor)
    await db.channelBindingCode.updateMany({
      where: { clientId: client.clientId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    sim.userWrites('wm-late-user', { text: code })
    await deliverCallback()
    const contact = await db.channelContact.findFirstOrThrow({ where: { externalId: 'wm-late-user' } })
    expect(contact.clientId).toBeNull()
    expect(await db.channelInbound.findFirst({ where: { contactId: contact.id } })).toMatchObject({ status: 'HELD' })
  })

  it('lets staff bind from the queue only to clients they serve, once', async () => {
    const { client, butlerActor } = await teamWithClient('Staff-bound Client')
    const strangerButler = await actorFor((await createStaff(db, { name: 'Not theirs' })).id)
    sim.userWrites('wm-staff-bound', { text: 'hello from WeChat' })
    await deliverCallback()
    const contact = await db.channelContact.findFirstOrThrow({ where: { externalId: 'wm-staff-bound' } })
    await expect(
      bindContactAndRoute(strangerButler, { contactId: contact.id, clientId: client.clientId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await db.channelContact.findUniqueOrThrow({ where: { id: contact.id } })).clientId).toBeNull()
    await bindContactAndRoute(butlerActor, { contactId: contact.id, clientId: client.clientId })
    await expect(
      bindContactAndRoute(supervisor, { contactId: contact.id, clientId: client.clientId }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(
      await db.auditEvent.count({
        where: { action: 'channel.contact_bound', actorId: butlerActor.userId, clientId: client.clientId },
      }),
    ).toBe(1)
    const request = await db.serviceRequest.findFirstOrThrow({
      where: { clientId: client.clientId },
      include: { messages: true },
    })
    expect(request.messages.map((m) => m.body)).toEqual(['hello from WeChat'])
    await sendPendingNotices()
  })
})

describe('the full loop', () => {
  it('WeChat message -> request with a first-response clock -> butler reply -> send_msg, clock met', async () => {
    const { client, butlerActor } = await teamWithClient('Loop Client')
    sim.userWrites('wm-loop', { text: 'pending' })
    await deliverCallback()
    const contact = await db.channelContact.findFirstOrThrow({ where: { externalId: 'wm-loop' } })
    await bindContactAndRoute(supervisor, { contactId: contact.id, clientId: client.clientId })
    await sendPendingNotices()
    // Start from a client with no open request: close the one the held message opened.
    await db.serviceRequest.updateMany({ where: { clientId: client.clientId }, data: { status: 'CLOSED' } })

    sim.userWrites('wm-loop', {
      text: 'Please book a table for two tomorrow at 7pm near the Bund, quiet corner if possible',
    })
    const t0 = Date.now()
    await deliverCallback()
    const request = await db.serviceRequest.findFirstOrThrow({
      where: { clientId: client.clientId, status: 'NEW' },
      include: { messages: true, timers: true },
    })
    expect(request).toMatchObject({
      category: 'OTHER',
      title: 'Please book a table for two tomorrow at…',
      createdById: client.userId,
    })
    expect(request.messages.map((m) => [m.body, m.authorId, m.visibility])).toEqual([
      ['Please book a table for two tomorrow at 7pm near the Bund, quiet corner if possible', client.userId, 'CLIENT'],
    ])
    const clock = request.timers.find((t) => t.kind === 'FIRST_RESPONSE')!
    expect(clock.metAt).toBeNull()
    expect(clock.dueAt.getTime() - clock.startedAt.getTime()).toBe(180_000)
    expect(Math.abs(clock.startedAt.getTime() - t0)).toBeLessThan(10_000)

    // An image lands in the same thread, with the picture attached.
    sim.userWrites('wm-loop', { image: JPEG })
    await deliverCallback()
    const attachments = await db.attachment.findMany({ where: { requestId: request.id } })
    expect(attachments).toHaveLength(1)
    expect(Buffer.from(attachments[0].content).equals(JPEG)).toBe(true)
    expect(attachments[0].mimeType).toBe('image/jpeg')
    expect(await db.message.count({ where: { requestId: request.id } })).toBe(2)

    const reply = await replyToRequest(butlerActor, {
      requestId: request.id,
      body: '好的，已为您预订外滩附近安静的位置。',
      internal: false,
    })
    const delivery = await db.channelDelivery.findFirstOrThrow({ where: { messageId: reply.id } })
    expect(delivery.status).toBe('PENDING')
    // An internal note never leaves for WeChat.
    const note = await replyToRequest(butlerActor, {
      requestId: request.id,
      body: 'client prefers window seats',
      internal: true,
    })
    expect(await db.channelDelivery.count({ where: { messageId: note.id } })).toBe(0)

    expect(await sendChannelDelivery(delivery.id)).toBe('SENT')
    expect(sim.sent.at(-1)).toMatchObject({
      touser: 'wm-loop',
      open_kfid: sim.openKfId,
      msgid: delivery.id,
      msgtype: 'text',
      text: { content: '好的，已为您预订外滩附近安静的位置。' },
    })
    const met = await db.slaTimer.findFirstOrThrow({ where: { requestId: request.id, kind: 'FIRST_RESPONSE' } })
    expect(met.metAt).not.toBeNull()
    expect(met.metAt!.getTime()).toBeLessThanOrEqual(met.dueAt.getTime())
    const detail = await getRequestDetail(butlerActor, request.id)
    expect(detail!.messages.find((m) => m.id === reply.id)!.delivery).toMatchObject({ status: 'SENT', attempts: 1 })
    // A second run of the job (a worker restart) sends nothing more.
    const sentCount = sim.sent.length
    await sendChannelDelivery(delivery.id)
    expect(sim.sent).toHaveLength(sentCount)

    // The client answers on WeChat: same request, a next-response clock, as from the portal.
    sim.userWrites('wm-loop', { text: 'Thank you!' })
    await deliverCallback()
    const timers = await db.slaTimer.findMany({ where: { requestId: request.id, kind: 'NEXT_RESPONSE' } })
    expect(timers).toHaveLength(1)
    expect(timers[0].metAt).toBeNull()
  })

  it('stores a replayed callback once, even when WeCom repeats pages already read', async () => {
    const { client } = await teamWithClient('Replay Client')
    sim.userWrites('wm-replay', { text: 'only once' })
    const cb = sim.callback(APP)
    expect((await POST(cb.request())).status).toBe(200)
    const contact = await db.channelContact.findFirstOrThrow({ where: { externalId: 'wm-replay' } })
    await bindContactAndRoute(supervisor, { contactId: contact.id, clientId: client.clientId })
    await sendPendingNotices()
    const before = await channelRows()
    // The same callback again, twice at once, then after the cursor was lost.
    await Promise.all([POST(cb.request()), POST(cb.request())])
    await db.wecomCursor.updateMany({ data: { cursor: '' } })
    expect((await POST(cb.request())).status).toBe(200)
    expect(await channelRows()).toEqual(before)
    expect(await db.channelInbound.count({ where: { contactId: contact.id } })).toBe(1)
    expect(await db.message.count({ where: { request: { clientId: client.clientId }, body: 'only once' } })).toBe(1)
  })
})

describe('access token', () => {
  it('is cached in the database, and refreshed after WeCom answers 42001 (expired)', async () => {
    const cached = await db.wecomSettings.findUniqueOrThrow({ where: { id: 'wecom' } })
    expect(cached.accessTokenSealed).toBeTruthy()
    // Sealed at rest: the token the simulator issued appears nowhere in the row.
    expect(sim.issuedTokens().length).toBeGreaterThan(0)
    for (const token of sim.issuedTokens()) expect(JSON.stringify(cached)).not.toContain(token)
    expect(JSON.stringify(cached)).not.toContain(sim.secret)
    expect(JSON.stringify(cached)).not.toContain(sim.aesKey)
    const tokensBefore = sim.count('/cgi-bin/gettoken')
    await deliverCallback()
    expect(sim.count('/cgi-bin/gettoken')).toBe(tokensBefore)

    sim.expireTokens()
    sim.userWrites('wm-token', { text: 'after expiry' })
    const expiredBefore = sim.count('/cgi-bin/kf/sync_msg', 42001)
    await deliverCallback()
    expect(sim.count('/cgi-bin/kf/sync_msg', 42001)).toBe(expiredBefore + 1)
    expect(sim.count('/cgi-bin/gettoken')).toBe(tokensBefore + 1)
    expect(await db.channelInbound.count({ where: { text: 'after expiry' } })).toBe(1)
    const renewed = await db.wecomSettings.findUniqueOrThrow({ where: { id: 'wecom' } })
    expect(renewed.accessTokenSealed).not.toBe(cached.accessTokenSealed)
    expect(renewed.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 3600_000)
  })

  it('is refreshed when a send is refused with 40014 (invalid), within the same attempt', async () => {
    const { client, butlerActor } = await teamWithClient('Token Client')
    sim.userWrites('wm-token-send', { text: 'hi' })
    await deliverCallback()
    const contact = await db.channelContact.findFirstOrThrow({ where: { externalId: 'wm-token-send' } })
    await bindContactAndRoute(supervisor, { contactId: contact.id, clientId: client.clientId })
    await sendPendingNotices()
    const request = await db.serviceRequest.findFirstOrThrow({ where: { clientId: client.clientId } })
    const reply = await replyToRequest(butlerActor, { requestId: request.id, body: 'Noted.', internal: false })
    sim.invalidateTokens()
    const delivery = await db.channelDelivery.findFirstOrThrow({ where: { messageId: reply.id } })
    expect(await sendChannelDelivery(delivery.id)).toBe('SENT')
    expect(await db.channelDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      attempts: 1,
      status: 'SENT',
    })
    expect(sim.count('/cgi-bin/kf/send_msg', 40014)).toBeGreaterThanOrEqual(1)
  })
})

describe('sending', () => {
  async function boundClientWithRequest(name: string, externalId: string) {
    const team = await teamWithClient(name)
    sim.userWrites(externalId, { text: `help ${name}` })
    await deliverCallback()
    const contact = await db.channelContact.findFirstOrThrow({ where: { externalId } })
    await bindContactAndRoute(supervisor, { contactId: contact.id, clientId: team.client.clientId })
    await sendPendingNotices()
    const request = await db.serviceRequest.findFirstOrThrow({ where: { clientId: team.client.clientId } })
    return { ...team, request }
  }

  it('retries a failed send with growing delays and shows each state on the thread', async () => {
    const { butlerActor, request } = await boundClientWithRequest('Retry Client', 'wm-retry')
    const reply = await replyToRequest(butlerActor, { requestId: request.id, body: 'On it.', internal: false })
    const delivery = await db.channelDelivery.findFirstOrThrow({ where: { messageId: reply.id } })
    sim.failNextSends = [-1, -1]

    const t1 = Date.now()
    expect(await sendChannelDelivery(delivery.id)).toBe('RETRYING')
    const first = await db.channelDelivery.findUniqueOrThrow({ where: { id: delivery.id } })
    expect(first).toMatchObject({ status: 'RETRYING', attempts: 1, lastError: expect.stringContaining('-1') })
    expect(first.nextAttemptAt!.getTime() - t1).toBeGreaterThanOrEqual(retryDelaySeconds(1) * 1000 - 1000)
    let detail = await getRequestDetail(butlerActor, request.id)
    expect(detail!.messages.find((m) => m.id === reply.id)!.delivery).toMatchObject({
      status: 'RETRYING',
      attempts: 1,
      error: expect.stringContaining('system busy'),
    })

    expect(await sendChannelDelivery(delivery.id)).toBe('RETRYING')
    const second = await db.channelDelivery.findUniqueOrThrow({ where: { id: delivery.id } })
    expect(second.attempts).toBe(2)
    // Backoff: the second wait is twice the first, and the queued job starts no earlier.
    expect(retryDelaySeconds(2)).toBe(2 * retryDelaySeconds(1))
    const jobs = await jobsFor(delivery.id)
    expect(jobs).toHaveLength(3)
    expect(jobs[1].start_after.getTime() - jobs[1].created_on.getTime()).toBeGreaterThanOrEqual(
      retryDelaySeconds(1) * 1000 - 1000,
    )
    expect(jobs[2].start_after.getTime() - jobs[2].created_on.getTime()).toBeGreaterThanOrEqual(
      retryDelaySeconds(2) * 1000 - 1000,
    )

    expect(await sendChannelDelivery(delivery.id)).toBe('SENT')
    expect(sim.sent.filter((s) => s.msgid === delivery.id)).toHaveLength(1)
    detail = await getRequestDetail(butlerActor, request.id)
    expect(detail!.messages.find((m) => m.id === reply.id)!.delivery).toMatchObject({ status: 'SENT', attempts: 3 })
  })

  it('gives up at once on a send WeCom will never accept (95018), and after the last retry on others', async () => {
    const { butlerActor, request, clientActor } = await boundClientWithRequest('Closed Session Client', 'wm-closed')
    const reply = await replyToRequest(butlerActor, { requestId: request.id, body: 'Hello?', internal: false })
    const delivery = await db.channelDelivery.findFirstOrThrow({ where: { messageId: reply.id } })
    sim.failNextSends = [95018]
    expect(await sendChannelDelivery(delivery.id)).toBe('FAILED')
    expect(await jobsFor(delivery.id)).toHaveLength(1)
    const detail = await getRequestDetail(butlerActor, request.id)
    expect(detail!.messages.find((m) => m.id === reply.id)!.delivery).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('95018'),
    })
    // The client never sees delivery details.
    const own = await getRequestDetail(clientActor, request.id)
    expect(own!.messages.every((m) => m.delivery === null)).toBe(true)

    const again = await replyToRequest(butlerActor, { requestId: request.id, body: 'Still there?', internal: false })
    const d2 = await db.channelDelivery.findFirstOrThrow({ where: { messageId: again.id } })
    sim.failNextSends = Array.from({ length: MAX_SEND_ATTEMPTS }, () => -1)
    for (let i = 1; i < MAX_SEND_ATTEMPTS; i++) expect(await sendChannelDelivery(d2.id)).toBe('RETRYING')
    expect(await sendChannelDelivery(d2.id)).toBe('FAILED')
    expect(await db.channelDelivery.findUniqueOrThrow({ where: { id: d2.id } })).toMatchObject({
      status: 'FAILED',
      attempts: MAX_SEND_ATTEMPTS,
    })
    sim.failNextSends = []
  })

  it('writes no delivery for a client not bound to WeChat', async () => {
    const { butlerActor, clientActor } = await teamWithClient('Portal-only Client')
    const { createRequest } = await import('../../lib/requests/lifecycle')
    const r = await createRequest(clientActor, { category: 'OTHER', title: 'Portal', details: {} })
    const before = await db.channelDelivery.count()
    await replyToRequest(butlerActor, { requestId: r.id, body: 'Hi', internal: false })
    expect(await db.channelDelivery.count()).toBe(before)
  })
})
