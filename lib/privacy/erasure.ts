import 'server-only'
import { db } from '../db'
import { AppError } from '../errors'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'
import type { TEraseClient } from './schemas'

const ERASED = '[erased]'

// Erasing a departed client (PIPL / GDPR): whatever identifies them or was written about them
// goes; what the bank must still count stays: the requests with their category, service,
// status and dates, every clock, rating scores and vendor spend, so KPIs and figures for past
// periods do not change. The audit log is append-only and keeps only ids and counts for this.
export async function eraseClient(actor: Actor, input: TEraseClient) {
  assertCan(actor, 'privacy.erase')
  return db.$transaction(async (tx) => {
    const [client] = await tx.$queryRaw<{ id: string; displayName: string; userId: string; erasedAt: Date | null }[]>`
      SELECT id, "displayName", "userId", "erasedAt" FROM "Client" WHERE id = ${input.clientId} FOR UPDATE`
    if (!client) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (client.erasedAt) throw new AppError('CONFLICT', 'errors.alreadyClosed')
    if (input.confirmation !== client.displayName.trim())
      throw new AppError('INVALID_INPUT', 'errors.invalidValue').forField('confirmation')
    const [{ n }] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"ClientErasureNumber"') AS n`
    const number = Number(n)
    const name = `Erased client #${number}`
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: client.userId }, select: { email: true } })
    const now = new Date()

    await tx.client.update({
      where: { id: client.id },
      data: {
        displayName: name,
        phone: null,
        idDocument: null,
        erasedAt: now,
        erasureNumber: number,
        version: { increment: 1 },
      },
    })
    // The account can never sign in again: no password, no second factor, every session ended.
    await tx.user.update({
      where: { id: client.userId },
      data: {
        name,
        email: `erased-${number}@erased.invalid`,
        passwordHash: 'erased',
        disabledAt: now,
        inviteToken: null,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        version: { increment: 1 },
      },
    })
    await tx.authSession.updateMany({ where: { userId: client.userId, revokedAt: null }, data: { revokedAt: now } })
    await tx.recoveryCode.deleteMany({ where: { userId: client.userId } })

    const byClient = { clientId: client.id }
    await tx.careTask.deleteMany({ where: byClient })
    await tx.keyDate.deleteMany({ where: byClient })
    await tx.familyMember.deleteMany({ where: byClient })
    await tx.preference.deleteMany({ where: byClient })
    await tx.clientNote.deleteMany({ where: byClient })
    await tx.delegate.deleteMany({ where: byClient })
    await tx.channelBindingCode.deleteMany({ where: byClient })
    // The WeChat identity, with the messages it brought in and the replies queued to it.
    await tx.channelContact.deleteMany({ where: byClient })
    await tx.outbox.deleteMany({ where: { toEmail: email } })

    const ofClient = { request: byClient }
    const attachments = await tx.attachment.deleteMany({ where: ofClient })
    // Titles, free-text details and every message body were written by or about the client;
    // the service stays for the figures by service.
    const requests = await tx.$executeRaw`
      UPDATE "ServiceRequest"
      SET title = 'Erased request #' || number,
          details = CASE WHEN details ? 'service' THEN jsonb_build_object('service', details->'service') ELSE '{}'::jsonb END,
          "idempotencyKey" = NULL,
          version = version + 1
      WHERE "clientId" = ${client.id}`
    await tx.message.updateMany({ where: ofClient, data: { body: ERASED } })
    await tx.alternative.updateMany({ where: ofClient, data: { description: ERASED } })
    await tx.vendorTask.updateMany({ where: ofClient, data: { description: ERASED } })
    await tx.vendorTask.updateMany({
      where: { ...ofClient, confirmationRef: { not: null } },
      data: { confirmationRef: ERASED },
    })
    await tx.handoff.updateMany({ where: ofClient, data: { need: ERASED } })
    await tx.rating.updateMany({ where: ofClient, data: { comment: null } })
    await tx.riskReview.updateMany({ where: ofClient, data: { note: null } })

    await recordAudit(tx, actor.userId, 'privacy.client_erased', 'Client', client.id, {
      clientId: client.id,
      data: { erasureNumber: number, requests, attachments: attachments.count },
    })
    return { erasureNumber: number }
  })
}

// For the admin page: who may be erased, and who already was.
export async function listClientsForErasure(actor: Actor) {
  assertCan(actor, 'privacy.erase')
  return db.client.findMany({
    orderBy: [{ erasedAt: { sort: 'desc', nulls: 'first' } }, { displayName: 'asc' }],
    select: {
      id: true,
      displayName: true,
      erasedAt: true,
      user: { select: { disabledAt: true } },
      _count: { select: { requests: true } },
    },
  })
}
