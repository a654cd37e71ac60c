import 'server-only'
import { fromPrisma } from 'pg-boss'
import { db, type Tx } from '../db'
import { publish } from '../events/publish'
import { producer, QUEUES } from '../jobs/boss'
import { log } from '../log'
import { adapterFor } from './registry'

export const MAX_SEND_ATTEMPTS = 6
const FIRST_RETRY_SECONDS = 10
const LONGEST_RETRY_SECONDS = 15 * 60

// 10 s, 20 s, 40 s, 80 s, 160 s: a provider hiccup is ridden out within minutes, and a
// longer outage shows as failed on the thread instead of retrying for ever.
export function retryDelaySeconds(attemptsSoFar: number) {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attemptsSoFar - 1), LONGEST_RETRY_SECONDS)
}

async function enqueueDelivery(
  tx: Tx,
  data: { contactId: string; channel: 'WECOM'; messageId: string | null; body: string },
) {
  const row = await tx.channelDelivery.create({ data, select: { id: true } })
  const boss = await producer()
  await boss.send(QUEUES.channelSend, { deliveryId: row.id }, { db: fromPrisma(tx) })
  return row
}

// The hook the request service calls, in the transaction that stores a client-visible staff
// reply: a client bound to a channel gets the reply there too (besides the portal and mail).
// Nothing is written for a client with no bound contact.
export async function enqueueChannelReply(tx: Tx, reply: { messageId: string; clientId: string; body: string }) {
  // Raw: every reply asks.
  const contacts = await tx.$queryRaw<{ id: string; channel: 'WECOM' }[]>`
    SELECT id, channel::text AS channel FROM "ChannelContact" WHERE "clientId" = ${reply.clientId}`
  for (const c of contacts)
    await enqueueDelivery(tx, { contactId: c.id, channel: c.channel, messageId: reply.messageId, body: reply.body })
}

// A notice from the service itself (e.g. "you are connected"), not part of any request.
export async function enqueueChannelNotice(tx: Tx, contact: { id: string; channel: 'WECOM' }, body: string) {
  return enqueueDelivery(tx, { contactId: contact.id, channel: contact.channel, messageId: null, body })
}

async function announce(tx: Tx, messageId: string | null) {
  if (!messageId) return
  const m = await tx.message.findUnique({
    where: { id: messageId },
    select: { requestId: true, request: { select: { clientId: true } } },
  })
  // Staff threads refresh and show the new delivery status.
  if (m) await publish(tx, { type: 'request.updated', requestId: m.requestId, clientId: m.request.clientId })
}

// One attempt at one delivery (the worker's job). A retryable failure schedules the next
// attempt with backoff in the same commit that records it; a final one is shown as failed.
export async function sendChannelDelivery(deliveryId: string) {
  const d = await db.channelDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      status: true,
      attempts: true,
      body: true,
      channel: true,
      messageId: true,
      contact: { select: { externalId: true, accountRef: true } },
    },
  })
  if (!d || d.status === 'SENT' || d.status === 'FAILED') return d?.status ?? null
  const result = await adapterFor(d.channel)
    .send({ contactRef: d.contact.externalId, accountRef: d.contact.accountRef, text: d.body, idempotencyKey: d.id })
    .catch((e: unknown) => ({
      ok: false as const,
      retry: true,
      reason: (e instanceof Error ? e.message : String(e)).slice(0, 300),
    }))
  const attempts = d.attempts + 1
  return db.$transaction(async (tx) => {
    if (result.ok) {
      await tx.channelDelivery.update({
        where: { id: d.id },
        data: {
          status: 'SENT',
          attempts,
          sentAt: new Date(),
          nextAttemptAt: null,
          providerMessageId: result.providerMessageId,
        },
      })
      await announce(tx, d.messageId)
      return 'SENT' as const
    }
    const again = result.retry && attempts < MAX_SEND_ATTEMPTS
    const delay = retryDelaySeconds(attempts)
    await tx.channelDelivery.update({
      where: { id: d.id },
      data: {
        status: again ? 'RETRYING' : 'FAILED',
        attempts,
        lastError: result.reason,
        nextAttemptAt: again ? new Date(Date.now() + delay * 1000) : null,
      },
    })
    if (again) {
      const boss = await producer()
      await boss.send(QUEUES.channelSend, { deliveryId: d.id }, { db: fromPrisma(tx), startAfter: delay })
    }
    log.warn({ deliveryId: d.id, attempts, retry: again, reason: result.reason }, 'channel send failed')
    await announce(tx, d.messageId)
    return again ? ('RETRYING' as const) : ('FAILED' as const)
  })
}
