import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { canSeeRequest, getRequestDetail, listRequests } from '../../lib/requests/queries'
import { createRequest } from '../../lib/requests/lifecycle'
import { postClientMessage, replyToRequest } from '../../lib/requests/conversation'
import { createDelegate } from '../factories'
import { actorFor, teamWithClient, useResponsePolicy } from './helpers'

const dinner = {
  category: 'LIVING' as const,
  title: 'Dinner for four',
  details: { service: 'RESTAURANT' as const, partySize: 4 },
}

describe('a client sees only their own requests', () => {
  afterAll(stopProducer)

  it('client A cannot read, list, message or be told about client B’s request', async () => {
    await useResponsePolicy(180)
    const a = await teamWithClient('Client A')
    const b = await teamWithClient('Client B')
    const bRequest = await createRequest(b.clientActor, dinner)

    expect(await getRequestDetail(a.clientActor, bRequest.id)).toBeNull()
    expect((await listRequests(a.clientActor)).map((r) => r.id)).not.toContain(bRequest.id)
    expect(await canSeeRequest(a.clientActor, bRequest.id)).toBe(false)
    const before = await db.message.count({ where: { requestId: bRequest.id } })
    await expect(postClientMessage(a.clientActor, { requestId: bRequest.id, body: 'hello' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await db.message.count({ where: { requestId: bRequest.id } })).toBe(before)
    expect(await db.slaTimer.count({ where: { requestId: bRequest.id, kind: 'NEXT_RESPONSE' } })).toBe(0)
  })

  it('a client cannot file a request for another client, and a butler cannot reply outside their clients', async () => {
    const a = await teamWithClient('Owner A')
    const b = await teamWithClient('Owner B')
    await expect(createRequest(a.clientActor, { ...dinner, clientId: b.client.clientId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await db.serviceRequest.count({ where: { clientId: b.client.clientId } })).toBe(0)

    const bRequest = await createRequest(b.clientActor, dinner)
    await expect(
      replyToRequest(a.butlerActor, { requestId: bRequest.id, body: 'hi', internal: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await db.message.count({ where: { requestId: bRequest.id } })).toBe(0)
    expect(await getRequestDetail(a.butlerActor, bRequest.id)).toBeNull()
  })

  it('internal notes never reach the client, and a delegate acts only for their client', async () => {
    const a = await teamWithClient('Family A')
    const delegate = await createDelegate(db, { clientId: a.client.clientId })
    const delegateActor = await actorFor(delegate.userId)
    const request = await createRequest(delegateActor, dinner)
    await replyToRequest(a.butlerActor, { requestId: request.id, body: 'Client prefers window seats', internal: true })
    await replyToRequest(a.butlerActor, { requestId: request.id, body: 'Table booked for 19:30.', internal: false })

    const seenByClient = await getRequestDetail(a.clientActor, request.id)
    expect(seenByClient!.messages.map((m) => m.body)).toEqual(['Table booked for 19:30.'])
    const seenByDelegate = await getRequestDetail(delegateActor, request.id)
    expect(seenByDelegate!.messages.some((m) => m.internal)).toBe(false)
    const seenByButler = await getRequestDetail(a.butlerActor, request.id)
    expect(seenByButler!.messages).toHaveLength(2)

    const other = await teamWithClient('Family B')
    const otherRequest = await createRequest(other.clientActor, dinner)
    expect(await getRequestDetail(delegateActor, otherRequest.id)).toBeNull()
  })

  it('every state change leaves an audit event', async () => {
    const a = await teamWithClient('Audited')
    const request = await createRequest(a.clientActor, dinner)
    await replyToRequest(a.butlerActor, { requestId: request.id, body: 'Done.', internal: false })
    const actions = (
      await db.auditEvent.findMany({ where: { clientId: a.client.clientId }, orderBy: { id: 'asc' } })
    ).map((e) => e.action)
    expect(actions).toEqual(['request.created', 'request.replied'])
  })

  it('the same submission twice creates one request and one clock', async () => {
    const a = await teamWithClient('Idempotent')
    const key = crypto.randomUUID()
    const [one, two] = await Promise.all([
      createRequest(a.clientActor, { ...dinner, idempotencyKey: key }),
      createRequest(a.clientActor, { ...dinner, idempotencyKey: key }),
    ])
    expect(one.id).toBe(two.id)
    expect(await db.slaTimer.count({ where: { requestId: one.id, kind: 'FIRST_RESPONSE' } })).toBe(1)
    expect(await db.serviceRequest.count({ where: { idempotencyKey: key } })).toBe(1)
  })

  it('a message or reply sent twice with one key (double click, retry) is stored once', async () => {
    const a = await teamWithClient('Idempotent messages')
    const request = await createRequest(a.clientActor, dinner)
    const key = crypto.randomUUID()
    const sends = await Promise.all(
      [1, 2, 3].map(() =>
        postClientMessage(a.clientActor, { requestId: request.id, body: 'Window seat, please.', idempotencyKey: key }),
      ),
    )
    expect(new Set(sends.map((m) => m.id)).size).toBe(1)
    expect(await db.message.count({ where: { requestId: request.id, body: 'Window seat, please.' } })).toBe(1)
    expect(await db.auditEvent.count({ where: { action: 'request.client_message', entityId: sends[0].id } })).toBe(1)

    const replyKey = crypto.randomUUID()
    const replies = await Promise.all(
      [1, 2].map(() =>
        replyToRequest(a.butlerActor, {
          requestId: request.id,
          body: 'Booked.',
          internal: false,
          idempotencyKey: replyKey,
        }),
      ),
    )
    expect(replies[0].id).toBe(replies[1].id)
    expect(await db.message.count({ where: { requestId: request.id, body: 'Booked.' } })).toBe(1)
    // A key is the author's own: the same key from someone else is a different message.
    await replyToRequest(a.butlerActor, {
      requestId: request.id,
      body: 'Anything else?',
      internal: false,
      idempotencyKey: key,
    })
    expect(await db.message.count({ where: { requestId: request.id, body: 'Anything else?' } })).toBe(1)
  })

  it('the audit log cannot be rewritten', async () => {
    const event = await db.auditEvent.findFirstOrThrow()
    const key = { id_at: { id: event.id, at: event.at } }
    await expect(db.auditEvent.update({ where: key, data: { action: 'tampered' } })).rejects.toThrow()
    await expect(db.auditEvent.delete({ where: key })).rejects.toThrow()
  })
})
