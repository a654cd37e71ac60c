import 'server-only'
import { createHash, randomInt } from 'node:crypto'
import { db, type Tx } from '../db'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { assertCan } from '../auth/policy'
import { clientScope } from '../auth/scope'
import { recordAudit } from '../audit/record'
import { log } from '../log'
import { enqueueChannelNotice } from './outbound'
import { channelText } from './text'
import type { TBindContact } from './schemas'

// A binding code: 8 characters without look-alikes (about 39 bits), valid 15 minutes, used
// once, stored only as a hash. Guessing one means sending millions of WeChat messages within
// its lifetime.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 8
export const CODE_TTL_MINUTES = 15

function normalizeBindingCode(text: string): string | null {
  const s = text.toUpperCase().replace(/[\s-]/g, '')
  return s.length === CODE_LENGTH && [...s].every((ch) => ALPHABET.includes(ch)) ? s : null
}

const hashCode = (normalized: string) => createHash('sha256').update(`channel-binding:${normalized}`).digest('hex')

// The client asks for a code in the portal and sends it from WeChat. Asking again replaces
// any code not yet used.
export async function createBindingCode(actor: Actor) {
  assertCan(actor, 'profile.manage')
  const clientId = actor.clientIds[0]
  if (!clientId) throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (await db.channelContact.findFirst({ where: { clientId }, select: { id: true } }))
    throw new AppError('CONFLICT', 'errors.channelClientTaken')
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  const expiresAt = new Date(Date.now() + CODE_TTL_MINUTES * 60_000)
  await db.$transaction(async (tx) => {
    await tx.channelBindingCode.deleteMany({ where: { clientId, usedAt: null } })
    const row = await tx.channelBindingCode.create({
      data: { clientId, codeHash: hashCode(chars), expiresAt },
      select: { id: true },
    })
    await recordAudit(tx, actor.userId, 'channel.binding_code_created', 'ChannelBindingCode', row.id, { clientId })
  })
  return { code: `${chars.slice(0, 4)}-${chars.slice(4)}`, expiresAt: expiresAt.toISOString() }
}

// Binds in the caller's transaction; messages held while the contact was unknown go back to be
// routed into the client's thread, and the contact hears that they are connected.
async function bindInTx(
  tx: Tx,
  contact: { id: string; channel: 'WECOM' },
  clientId: string,
  audit: { actorId: string | null; via: 'code' | 'staff' },
) {
  const taken = await tx.channelContact.findFirst({
    where: { channel: contact.channel, clientId },
    select: { id: true },
  })
  if (taken) throw new AppError('CONFLICT', 'errors.channelClientTaken')
  const bound = await tx.channelContact.updateMany({
    where: { id: contact.id, clientId: null },
    data: { clientId, boundAt: new Date(), boundById: audit.via === 'staff' ? audit.actorId : null },
  })
  if (bound.count !== 1) throw new AppError('CONFLICT', 'errors.channelContactTaken')
  await tx.channelInbound.updateMany({ where: { contactId: contact.id, status: 'HELD' }, data: { status: 'RECEIVED' } })
  await recordAudit(tx, audit.actorId, 'channel.contact_bound', 'ChannelContact', contact.id, {
    clientId,
    data: { channel: contact.channel, via: audit.via },
  })
  const client = await tx.client.findUniqueOrThrow({ where: { id: clientId }, select: { language: true } })
  await enqueueChannelNotice(tx, contact, channelText(client.language)('connected'))
}

// An inbound text from an unbound contact that carries a live code binds the contact to the
// code's client. Returns false (nothing written) when the code is unknown, used or expired.
export async function bindWithCode(
  contact: { id: string; channel: 'WECOM' },
  inboundId: string,
  text: string,
): Promise<boolean> {
  const normalized = normalizeBindingCode(text)
  if (!normalized) return false
  try {
    return await db.$transaction(async (tx) => {
      const code = await tx.channelBindingCode.findFirst({
        where: { codeHash: hashCode(normalized), usedAt: null, expiresAt: { gt: new Date() } },
        select: { id: true, clientId: true, client: { select: { userId: true } } },
      })
      if (!code) return false
      const used = await tx.channelBindingCode.updateMany({
        where: { id: code.id, usedAt: null },
        data: { usedAt: new Date() },
      })
      if (used.count !== 1) return false
      // The client proved who they are with the code: the binding is recorded as theirs.
      await bindInTx(tx, contact, code.clientId, { actorId: code.client.userId, via: 'code' })
      await tx.channelInbound.update({ where: { id: inboundId }, data: { status: 'BINDING' } })
      return true
    })
  } catch (e) {
    // A client already connected to another WeChat user, or a race: the message stays held.
    log.warn({ contactId: contact.id, err: e instanceof Error ? e.message : String(e) }, 'binding by code refused')
    return false
  }
}

// Staff bind a contact from the supervisor queue or the client 360 page. Butlers only to the
// clients they serve; the contact must not be bound yet.
export async function bindContact(actor: Actor, input: TBindContact) {
  assertCan(actor, 'request.serve')
  const contact = await db.$transaction(async (tx) => {
    const client = await tx.client.findFirst({
      where: { id: input.clientId, ...clientScope(actor) },
      select: { id: true },
    })
    if (!client) throw new AppError('NOT_FOUND', 'errors.clientNotFound')
    const c = await tx.channelContact.findUnique({
      where: { id: input.contactId },
      select: { id: true, channel: true, clientId: true },
    })
    if (!c) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (c.clientId) throw new AppError('CONFLICT', 'errors.channelContactTaken')
    await bindInTx(tx, c, client.id, { actorId: actor.userId, via: 'staff' })
    return c
  })
  return { contactId: contact.id }
}
