import 'server-only'
import { randomUUID } from 'node:crypto'
import { can } from '../auth/policy'
import { db, rawDb } from '../db'
import { instant } from '../db/raw'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { requestScope, requestScopeSql, scopedRequestJoin } from '../auth/scope'
import { recordAudit, recordRead } from '../audit/record'
import { publish } from '../events/publish'

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024

// The file's own first bytes decide its type; the name and the browser's claim do not.
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: 'image/webp',
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  {
    mime: 'image/heic',
    test: (b) =>
      b.subarray(4, 8).toString('latin1') === 'ftyp' &&
      ['heic', 'heix', 'mif1'].includes(b.subarray(8, 12).toString('latin1')),
  },
]

export function detectType(content: Buffer) {
  return SIGNATURES.find((s) => s.test(content))?.mime ?? null
}

export async function uploadAttachment(actor: Actor, requestId: string, file: File) {
  const request = await db.serviceRequest.findFirst({
    where: { id: requestId, ...requestScope(actor) },
    select: { id: true, clientId: true },
  })
  if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (file.size === 0) throw new AppError('INVALID_INPUT', 'errors.fileRequired').forField('file')
  if (file.size > MAX_ATTACHMENT_BYTES) throw new AppError('INVALID_INPUT', 'errors.fileTooLarge').forField('file')
  const content = Buffer.from(await file.arrayBuffer())
  const mimeType = detectType(content)
  if (!mimeType) throw new AppError('INVALID_INPUT', 'errors.fileType').forField('file')
  const fileName = file.name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'file'
  return db.$transaction(async (tx) => {
    const a = await tx.attachment.create({
      data: {
        requestId: request.id,
        uploadedById: actor.userId,
        fileName,
        mimeType,
        sizeBytes: content.length,
        storageKey: randomUUID(),
        content,
      },
      select: { id: true },
    })
    await recordAudit(tx, actor.userId, 'attachment.uploaded', 'Attachment', a.id, {
      clientId: request.clientId,
      data: { requestId: request.id, mimeType, sizeBytes: content.length },
    })
    await publish(tx, { type: 'request.updated', requestId: request.id, clientId: request.clientId })
    return a
  })
}

// Served only to those who may see the request; a guessed id of another client's file
// finds nothing.
export async function readAttachment(actor: Actor, id: string) {
  const a = await db.attachment.findFirst({
    where: { id, request: requestScope(actor) },
    select: { id: true, fileName: true, mimeType: true, content: true, request: { select: { clientId: true } } },
  })
  if (!a) return null
  if (can(actor, 'request.serve')) {
    await recordRead(actor.userId, {
      action: 'attachment.downloaded',
      entity: 'Attachment',
      entityId: a.id,
      clientId: a.request.clientId,
      data: { fileName: a.fileName },
    })
  }
  return a
}

// A request's files as the actor may see them (every request page, staff and client, lists
// them): $1 the actor, $2 their clients, $3 the request.
export const attachmentsSql = (actor: Actor) =>
  `SELECT x.id, x."fileName", x."mimeType", x."sizeBytes", x."createdAt"
   FROM "Attachment" x ${scopedRequestJoin('x."requestId"')}
   WHERE x."requestId" = $3 AND ${requestScopeSql(actor, '$1', '$2')}
   ORDER BY x."createdAt"`

type AttachmentRow = { id: string; fileName: string; mimeType: string; sizeBytes: number; createdAt: Date | string }
export const toAttachment = (r: AttachmentRow) => ({ ...r, createdAt: instant(r.createdAt).toISOString() })

export async function attachmentsFor(actor: Actor, requestId: string) {
  const rows = await rawDb.$queryRawUnsafe<AttachmentRow[]>(
    attachmentsSql(actor),
    actor.userId,
    actor.clientIds,
    requestId,
  )
  return rows.map(toAttachment)
}
