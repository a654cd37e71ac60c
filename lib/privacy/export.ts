import 'server-only'
import { db } from '../db'
import { AppError } from '../errors'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'
import { CLIENT_PROFILE } from '../clients/queries'

// Everything the bank holds about a client, as the client may see it: their profile and the
// people and dates on it, who may act for them, and their requests with the conversation as
// they saw it (internal notes, staff-only fields and costs stay out). Only the client
// themselves: a delegate acts for the client but is not the subject of the data.
export async function collectOwnData(actor: Actor) {
  assertCan(actor, 'profile.manage')
  const client = await db.client.findFirst({
    where: { userId: actor.userId, erasedAt: null },
    select: {
      ...CLIENT_PROFILE,
      user: { select: { email: true } },
      family: { select: { name: true, relation: true, birthday: true, phone: true, notes: true } },
      keyDates: {
        select: { kind: true, label: true, date: true, recurring: true, familyMember: { select: { name: true } } },
      },
      preferences: { select: { topic: true, value: true, updatedAt: true } },
      delegates: { select: { email: true, relation: true, status: true, invitedAt: true, revokedAt: true } },
      channelContacts: { select: { channel: true, boundAt: true } },
    },
  })
  if (!client) throw new AppError('NOT_FOUND', 'errors.notFound')
  const requests = await db.serviceRequest.findMany({
    where: { clientId: client.id },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      number: true,
      category: true,
      title: true,
      details: true,
      status: true,
      wantedAt: true,
      createdAt: true,
      closedAt: true,
      createdBy: { select: { name: true } },
      messages: {
        where: { visibility: 'CLIENT' },
        orderBy: { createdAt: 'asc' },
        select: { body: true, createdAt: true, author: { select: { name: true } } },
      },
      alternatives: { select: { description: true, status: true, offeredAt: true, decidedAt: true } },
      vendorTasks: {
        where: { status: { in: ['CONFIRMED', 'DONE'] } },
        select: {
          description: true,
          confirmationRef: true,
          dueAt: true,
          status: true,
          vendor: { select: { name: true } },
        },
      },
      rating: { select: { score: true, comment: true, createdAt: true } },
      attachments: {
        select: { id: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true, content: true },
      },
    },
  })

  const files: Record<string, Uint8Array> = {}
  const json = (name: string, value: unknown) => {
    files[name] = new TextEncoder().encode(JSON.stringify(value, null, 2))
  }
  const { family, keyDates, preferences, delegates, channelContacts, user, id: _id, ...profile } = client
  json('profile.json', {
    ...profile,
    email: user.email,
    wechat: channelContacts.map((c) => ({ connectedAt: c.boundAt })),
  })
  json('family.json', family)
  json(
    'key-dates.json',
    keyDates.map(({ familyMember, ...d }) => ({ ...d, person: familyMember?.name ?? null })),
  )
  json('preferences.json', preferences)
  json('delegates.json', delegates)
  json(
    'requests.json',
    requests.map(({ attachments, createdBy, messages, vendorTasks, ...r }) => ({
      ...r,
      filedBy: createdBy.name,
      messages: messages.map((m) => ({
        at: m.createdAt,
        from: m.author.name,
        body: m.body,
      })),
      vendorConfirmations: vendorTasks.map(({ vendor, ...t }) => ({ ...t, vendor: vendor.name })),
      attachments: attachments.map((a) => ({
        fileName: a.fileName,
        mimeType: a.mimeType,
        sizeBytes: a.sizeBytes,
        createdAt: a.createdAt,
        file: attachmentPath(r.number, a),
      })),
    })),
  )
  for (const r of requests)
    for (const a of r.attachments) files[attachmentPath(r.number, a)] = new Uint8Array(a.content)

  await db.$transaction((tx) =>
    recordAudit(tx, actor.userId, 'privacy.exported', 'Client', client.id, {
      clientId: client.id,
      data: { requests: requests.length, files: Object.keys(files).length },
    }),
  )
  return files
}

// One folder per request; the id keeps two files of the same name apart.
const attachmentPath = (number: number, a: { id: string; fileName: string }) =>
  `attachments/request-${number}/${a.id}-${a.fileName}`
