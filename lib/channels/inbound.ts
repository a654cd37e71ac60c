import 'server-only'
import { db, type Tx } from '../db'
import type { Actor } from '../auth/roles'
import type { ChannelKind } from '../generated/prisma/enums'
import { log } from '../log'
import { uploadAttachment, detectType } from '../attachments/service'
import { postClientMessage } from '../requests/conversation'
import { createRequest } from '../requests/lifecycle'
import { OPEN_STATUSES } from '../requests/state-machine'
import { clientChannelActor } from './actor'
import { bindContact, bindWithCode } from './binding'
import { adapterFor, ADAPTERS } from './registry'
import type { TBindContact } from './schemas'
import { channelText } from './text'
import type { ChannelAdapter, InboundSink } from './types'

const MAX_BODY = 4000
const TITLE_WORDS = 8
const TITLE_CHARS = 40
// Long enough for a slow media download; a crashed router's lease simply runs out.
const ROUTING_LEASE_MS = 60_000

// Stores what an adapter brought in: one row per provider message id (a repeated callback or
// a replayed page adds nothing), the contact created on first sight.
function storeInbound(channel: ChannelKind): InboundSink {
  return async (tx: Tx, messages) => {
    for (const m of messages) {
      const contact = await tx.channelContact.upsert({
        where: { channel_externalId: { channel, externalId: m.contactRef } },
        create: { channel, externalId: m.contactRef, accountRef: m.accountRef },
        update: { accountRef: m.accountRef, lastSeenAt: new Date() },
        select: { id: true },
      })
      const c = m.content
      await tx.channelInbound.createMany({
        data: [
          {
            channel,
            providerMessageId: m.providerMessageId,
            contactId: contact.id,
            kind: c.kind,
            sentAt: m.sentAt,
            text: c.kind === 'text' ? c.text.slice(0, MAX_BODY) : c.kind === 'other' ? c.providerType : null,
            mediaRef: c.kind === 'image' ? c.mediaRef : null,
          },
        ],
        skipDuplicates: true,
      })
    }
  }
}

function titleFrom(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  let title = words.slice(0, TITLE_WORDS).join(' ')
  let cut = words.length > TITLE_WORDS
  // Chinese has no spaces: the character limit does the cutting there.
  if (title.length > TITLE_CHARS) {
    title = title.slice(0, TITLE_CHARS).trimEnd()
    cut = true
  }
  return cut ? `${title}…` : title
}

type Row = {
  id: string
  kind: string
  text: string | null
  mediaRef: string | null
  routingKey: string
  requestId: string | null
  attachmentId: string | null
}

// Into the client's latest open request, or a new one (category OTHER, for the butler to
// classify), through the same service calls the portal uses: the same clocks start.
async function deliverToRequest(adapter: ChannelAdapter, actor: Actor, clientId: string, row: Row) {
  const client = await db.client.findUniqueOrThrow({ where: { id: clientId }, select: { language: true } })
  const t = channelText(client.language)
  const body =
    row.kind === 'text' && row.text?.trim()
      ? row.text.slice(0, MAX_BODY)
      : row.kind === 'image'
        ? t('image')
        : t('other', { type: row.text ?? '' })
  let requestId = row.requestId
  if (!requestId) {
    const open = await db.serviceRequest.findFirst({
      where: { clientId, status: { in: [...OPEN_STATUSES] } },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    })
    if (open) {
      await postClientMessage(actor, { requestId: open.id, body, idempotencyKey: row.routingKey })
      requestId = open.id
    } else {
      const title = row.kind === 'text' ? titleFrom(body) : t('newRequestTitle')
      const created = await createRequest(actor, {
        category: 'OTHER',
        clientId,
        title: title || t('newRequestTitle'),
        details: {},
        description: body,
        idempotencyKey: row.routingKey,
      })
      requestId = created.id
    }
    await db.channelInbound.update({ where: { id: row.id }, data: { requestId } })
  }
  let attachmentId = row.attachmentId
  if (row.kind === 'image' && row.mediaRef && !attachmentId) {
    try {
      const bytes = await adapter.fetchMedia(row.mediaRef)
      const ext = (detectType(bytes) ?? 'image/jpeg').split('/')[1]
      attachmentId = (
        await uploadAttachment(actor, requestId, new File([new Uint8Array(bytes)], `wechat-${row.id}.${ext}`))
      ).id
    } catch (e) {
      // The thread already says an image arrived; the butler can ask for it again.
      log.warn({ inboundId: row.id, err: e instanceof Error ? e.message : String(e) }, 'channel image not attached')
    }
  }
  await db.channelInbound.update({ where: { id: row.id }, data: { status: 'ROUTED', requestId, attachmentId } })
}

async function routeOne(adapter: ChannelAdapter, contactId: string, row: Row) {
  const contact = await db.channelContact.findUniqueOrThrow({
    where: { id: contactId },
    select: { id: true, channel: true, clientId: true },
  })
  if (!contact.clientId) {
    // Unknown sender: a binding code binds them; anything else waits in the supervisor queue
    // and never touches a client's data.
    const bound = row.kind === 'text' && row.text ? await bindWithCode(contact, row.id, row.text) : false
    if (!bound) await db.channelInbound.update({ where: { id: row.id }, data: { status: 'HELD' } })
    return
  }
  const actor = await clientChannelActor(contact.clientId)
  if (!actor) {
    await db.channelInbound.update({ where: { id: row.id }, data: { status: 'REJECTED' } })
    return
  }
  await deliverToRequest(adapter, actor, contact.clientId, row)
}

// Routes a contact's stored messages in the order they were sent. A lease on the contact keeps
// two processes from routing the same person at once (two first messages would otherwise
// open two requests). A failure leaves the message for the next pass.
async function routeContact(contactId: string) {
  const leased = await db.channelContact.updateMany({
    where: { id: contactId, OR: [{ routingUntil: null }, { routingUntil: { lt: new Date() } }] },
    data: { routingUntil: new Date(Date.now() + ROUTING_LEASE_MS) },
  })
  if (leased.count !== 1) return
  try {
    for (;;) {
      const row = await db.channelInbound.findFirst({
        where: { contactId, status: 'RECEIVED' },
        orderBy: [{ sentAt: 'asc' }, { createdAt: 'asc' }],
        select: {
          id: true,
          kind: true,
          text: true,
          mediaRef: true,
          routingKey: true,
          requestId: true,
          attachmentId: true,
          channel: true,
        },
      })
      if (!row) return
      await routeOne(adapterFor(row.channel), contactId, row)
    }
  } catch (e) {
    log.warn({ contactId, err: e instanceof Error ? e.message : String(e) }, 'channel routing failed; will retry')
  } finally {
    await db.channelContact.updateMany({ where: { id: contactId }, data: { routingUntil: null } })
  }
}

async function routePendingInbound(channel?: ChannelKind) {
  const contacts = await db.channelContact.findMany({
    where: { ...(channel ? { channel } : {}), inbound: { some: { status: 'RECEIVED' } } },
    select: { id: true },
  })
  for (const c of contacts) await routeContact(c.id)
}

// The route handler's whole job: the adapter answers the provider, then what it stored is
// routed. Routing problems never change the answer the provider gets.
export async function receiveCallback(adapter: ChannelAdapter, request: Request): Promise<Response> {
  const response = await adapter.handleCallback(request, storeInbound(adapter.kind))
  if (response.status === 200 && request.method === 'POST') {
    await routePendingInbound(adapter.kind).catch((e) =>
      log.warn({ err: e instanceof Error ? e.message : String(e) }, 'channel routing failed'),
    )
  }
  return response
}

// The worker's safety net: pull what callbacks may have missed, route what is waiting.
export async function pollChannels() {
  for (const adapter of Object.values(ADAPTERS)) {
    await adapter
      .poll(storeInbound(adapter.kind))
      .catch((e) =>
        log.warn({ channel: adapter.kind, err: e instanceof Error ? e.message : String(e) }, 'channel poll failed'),
      )
  }
  await routePendingInbound()
}

// Staff binding, then the contact's held messages go into the client's thread.
export async function bindContactAndRoute(actor: Actor, input: TBindContact) {
  const result = await bindContact(actor, input)
  await routeContact(result.contactId)
  return result
}
