import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { detachHistoryBefore, ensureHistoryPartitions } from '../../lib/db/partitions'
import { stopProducer } from '../../lib/jobs/boss'
import { createRequest } from '../../lib/requests/lifecycle'
import { postClientMessage, replyToRequest } from '../../lib/requests/conversation'
import { teamWithClient, useResponsePolicy } from './helpers'

const lounge = { category: 'TRAVEL' as const, title: 'Lounge', details: { service: 'LOUNGE' as const, passengers: 1 } }
const monthsFromNow = (k: number) => {
  const d = new Date()
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1))
}
const monthName = (d: Date) => `Message_${d.toISOString().slice(0, 7).replace('-', '_')}`
const partitionOf = async (id: string) =>
  (await db.$queryRaw<{ part: string }[]>`SELECT tableoid::regclass::text AS part FROM "Message" WHERE id = ${id}`)[0]
    ?.part
const count = async (sql: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(sql))[0].n)

async function contactFor(clientId: string) {
  return db.channelContact.create({
    data: { channel: 'WECOM', externalId: `wm-${crypto.randomUUID()}`, accountRef: 'wk-test', clientId },
  })
}

describe('messages partitioned by month', () => {
  afterAll(stopProducer)

  it('a message lands in its month, kept ahead by the worker; keys stay once per author', async () => {
    await ensureHistoryPartitions(3)
    const parts = await db.$queryRaw<{ name: string }[]>`
      SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = '"Message"'::regclass`
    for (const k of [0, 1, 2, 3]) expect(parts.map((p) => p.name)).toContain(monthName(monthsFromNow(k)))

    await useResponsePolicy(180)
    const team = await teamWithClient('Monthly')
    const request = await createRequest(team.clientActor, lounge)
    const key = crypto.randomUUID()
    const sent = await postClientMessage(team.clientActor, {
      requestId: request.id,
      body: 'Two, please.',
      idempotencyKey: key,
    })
    expect(await partitionOf(sent.id)).toBe(`history."${monthName(monthsFromNow(0))}"`)
    // Prisma reads a message by its id alone, as before.
    expect(await db.message.findUnique({ where: { id: sent.id }, select: { body: true } })).toEqual({
      body: 'Two, please.',
    })
    expect(
      await db.messageKey.findUnique({
        where: { authorId_idempotencyKey: { authorId: team.client.userId, idempotencyKey: key } },
      }),
    ).toMatchObject({ messageId: sent.id })

    // The same author and key again, written directly: refused as the unique index refused it.
    await expect(
      db.message.create({
        data: {
          requestId: request.id,
          authorId: team.client.userId,
          visibility: 'CLIENT',
          body: 'Again',
          idempotencyKey: key,
        },
      }),
    ).rejects.toMatchObject({ code: 'P2002' })
    // Through the service: answered with the first message, stored once.
    const again = await postClientMessage(team.clientActor, {
      requestId: request.id,
      body: 'Two, please.',
      idempotencyKey: key,
    })
    expect(again.id).toBe(sent.id)
    expect(await db.message.count({ where: { requestId: request.id, body: 'Two, please.' } })).toBe(1)

    // A message's time (its month) never changes.
    await expect(
      db.message.update({ where: { id: sent.id }, data: { createdAt: monthsFromNow(-3) } }),
    ).rejects.toThrow()
  })

  it('a delivery names an existing message and goes with it, as the foreign key did', async () => {
    await useResponsePolicy(180)
    const team = await teamWithClient('Deliveries')
    const contact = await contactFor(team.client.clientId)
    const request = await createRequest(team.clientActor, lounge)
    const reply = await replyToRequest(team.butlerActor, { requestId: request.id, body: 'Booked.', internal: false })
    const key = crypto.randomUUID()
    const other = await replyToRequest(team.butlerActor, {
      requestId: request.id,
      body: 'Anything else?',
      internal: false,
      idempotencyKey: key,
    })
    const deliveries = await db.channelDelivery.findMany({ where: { messageId: { in: [reply.id, other.id] } } })
    expect(deliveries).toHaveLength(2)

    await expect(
      db.channelDelivery.create({
        data: { channel: 'WECOM', contactId: contact.id, messageId: 'no-such-message', body: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'P2003' }) // as the foreign key answered

    // Deleting a message deletes its deliveries and its key.
    await db.message.delete({ where: { id: other.id } })
    expect(await db.channelDelivery.count({ where: { messageId: other.id } })).toBe(0)
    expect(await db.messageKey.count({ where: { authorId: team.butler.id, idempotencyKey: key } })).toBe(0)
    // Deleting the request deletes its messages and, through them, their deliveries.
    await db.serviceRequest.delete({ where: { id: request.id } })
    expect(await db.message.count({ where: { requestId: request.id } })).toBe(0)
    expect(await db.channelDelivery.count({ where: { messageId: reply.id } })).toBe(0)
  })

  it('an old month detaches whole, with its deliveries archived beside it and nothing left pointing at it', async () => {
    await useResponsePolicy(180)
    const team = await teamWithClient('Old month')
    const contact = await contactFor(team.client.clientId)
    const request = await createRequest(team.clientActor, lounge)
    const old = monthsFromNow(-14)
    for (const t of [monthName(old), `ChannelDelivery_of_${monthName(old)}`])
      await db.$executeRawUnsafe(`DROP TABLE IF EXISTS history."${t}"`)
    await db.$executeRaw`SELECT history_ensure_month('Message', ${old}::timestamptz)`
    const key = crypto.randomUUID()
    const archived = await db.message.create({
      data: {
        requestId: request.id,
        authorId: team.butler.id,
        visibility: 'CLIENT',
        body: 'From long ago',
        createdAt: new Date(old.getTime() + 86_400_000),
        idempotencyKey: key,
      },
    })
    expect(await partitionOf(archived.id)).toBe(`history."${monthName(old)}"`)
    await db.channelDelivery.create({
      data: { channel: 'WECOM', contactId: contact.id, messageId: archived.id, body: 'From long ago', status: 'SENT' },
    })
    const recent = await replyToRequest(team.butlerActor, { requestId: request.id, body: 'Today', internal: false })

    const left = await detachHistoryBefore(monthsFromNow(-12))
    expect(left).toContain(monthName(old))
    expect(left).toContain(`ChannelDelivery_of_${monthName(old)}`)
    expect(left).not.toContain(monthName(monthsFromNow(0)))
    // Out of the live table, its key gone; the delivery moved to the archive beside it.
    expect(await db.message.count({ where: { id: archived.id } })).toBe(0)
    expect(await db.messageKey.count({ where: { idempotencyKey: key } })).toBe(0)
    expect(await db.channelDelivery.count({ where: { messageId: archived.id } })).toBe(0)
    expect(await count(`SELECT count(*) AS n FROM history."${monthName(old)}" WHERE id = '${archived.id}'`)).toBe(1)
    expect(
      await count(
        `SELECT count(*) AS n FROM history."ChannelDelivery_of_${monthName(old)}" WHERE "messageId" = '${archived.id}'`,
      ),
    ).toBe(1)
    // This month is untouched, and the archive holds nothing back: the request can be deleted.
    expect(await db.channelDelivery.count({ where: { messageId: recent.id } })).toBe(1)
    expect(
      await count(
        `SELECT count(*) AS n FROM pg_constraint WHERE conrelid = 'history."${monthName(old)}"'::regclass AND contype = 'f'`,
      ),
    ).toBe(0)
    await db.serviceRequest.delete({ where: { id: request.id } })
    expect(await count(`SELECT count(*) AS n FROM history."${monthName(old)}"`)).toBe(1)
    for (const t of left) await db.$executeRawUnsafe(`DROP TABLE history."${t}"`)
  })
})
