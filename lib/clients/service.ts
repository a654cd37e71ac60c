import 'server-only'
import { db } from '../db'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { assertCan } from '../auth/policy'
import { clientScope } from '../auth/scope'
import { recordAudit } from '../audit/record'
import type { TClientNote, TNotePin, TRevealPii } from './schemas'

async function requireServedClient(actor: Actor, clientId: string) {
  assertCan(actor, 'request.serve')
  const client = await db.client.findFirst({ where: { id: clientId, ...clientScope(actor) }, select: { id: true } })
  if (!client) throw new AppError('NOT_FOUND', 'errors.clientNotFound')
  return client
}

// Notes carry over: whoever serves the client next sees them, pinned ones first.
export async function addClientNote(actor: Actor, input: TClientNote) {
  await requireServedClient(actor, input.clientId)
  return db.$transaction(async (tx) => {
    const note = await tx.clientNote.create({
      data: { clientId: input.clientId, authorId: actor.userId, body: input.body, pinned: input.pinned },
      select: { id: true },
    })
    await recordAudit(tx, actor.userId, 'client.note_added', 'ClientNote', note.id, { clientId: input.clientId })
    return note
  })
}

export async function setNotePinned(actor: Actor, input: TNotePin) {
  const note = await db.clientNote.findUnique({ where: { id: input.noteId }, select: { clientId: true } })
  if (!note) throw new AppError('NOT_FOUND', 'errors.notFound')
  await requireServedClient(actor, note.clientId)
  return db.$transaction(async (tx) => {
    await tx.clientNote.update({ where: { id: input.noteId }, data: { pinned: input.pinned } })
    await recordAudit(
      tx,
      actor.userId,
      input.pinned ? 'client.note_pinned' : 'client.note_unpinned',
      'ClientNote',
      input.noteId,
      { clientId: note.clientId },
    )
    return { pinned: input.pinned }
  })
}

// Showing an unmasked phone or ID number is a deliberate, audited act.
export async function revealPii(actor: Actor, input: TRevealPii) {
  await requireServedClient(actor, input.clientId)
  let value: string | null = null
  if (input.field === 'familyPhone') {
    const member = await db.familyMember.findFirst({
      where: { id: input.familyMemberId, clientId: input.clientId },
      select: { phone: true },
    })
    if (!member) throw new AppError('NOT_FOUND', 'errors.notFound')
    value = member.phone
  } else {
    const client = await db.client.findUniqueOrThrow({
      where: { id: input.clientId },
      select: { phone: true, idDocument: true },
    })
    value = client[input.field]
  }
  await db.$transaction((tx) =>
    recordAudit(tx, actor.userId, 'client.pii_revealed', 'Client', input.clientId, {
      clientId: input.clientId,
      data: { field: input.field, ...(input.familyMemberId ? { familyMemberId: input.familyMemberId } : {}) },
    }),
  )
  return { value }
}
