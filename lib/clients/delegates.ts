import 'server-only'
import { randomBytes } from 'node:crypto'
import { can } from '../auth/policy'
import { db } from '../db'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { hashPassword, verifyCredentials } from '../auth/sessions'
import { publishScopeChange } from '../events/publish'
import { recordAudit } from '../audit/record'
import { enqueueEmail } from '../notifications/outbox'
import type { TAcceptInvitation, TDeleteById, TInviteDelegate } from './schemas'

function ownClientId(actor: Actor) {
  if (!can(actor, 'profile.manage') || actor.clientIds.length !== 1) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return actor.clientIds[0]
}

// The client invites a spouse or assistant; the invitation travels by email as a one-time link.
export async function inviteDelegate(actor: Actor, input: TInviteDelegate) {
  const clientId = ownClientId(actor)
  const client = await db.client.findUniqueOrThrow({
    where: { id: clientId },
    select: { displayName: true, language: true, user: { select: { email: true } } },
  })
  if (client.user.email === input.email) throw new AppError('INVALID_INPUT', 'errors.inviteSelf').forField('email')
  const token = randomBytes(24).toString('base64url')
  return db.$transaction(async (tx) => {
    const existing = await tx.delegate.findUnique({
      where: { clientId_email: { clientId, email: input.email } },
      select: { id: true, status: true },
    })
    if (existing?.status === 'ACTIVE') throw new AppError('CONFLICT', 'errors.alreadyDelegate').forField('email')
    const delegate = existing
      ? await tx.delegate.update({
          where: { id: existing.id },
          data: {
            status: 'INVITED',
            inviteToken: token,
            relation: input.relation,
            revokedAt: null,
            invitedAt: new Date(),
          },
          select: { id: true },
        })
      : await tx.delegate.create({
          data: { clientId, email: input.email, relation: input.relation, inviteToken: token },
          select: { id: true },
        })
    await enqueueEmail(tx, input.email, client.language, 'delegateInvited', {
      client: client.displayName,
      path: `/invite/${token}`,
    })
    await recordAudit(tx, actor.userId, 'delegate.invited', 'Delegate', delegate.id, { clientId })
    return delegate
  })
}

// Revocation takes effect on the delegate's very next request: their rights are read from
// active delegations on every call.
export async function revokeDelegate(actor: Actor, input: TDeleteById) {
  const clientId = ownClientId(actor)
  return db.$transaction(async (tx) => {
    const revoked = await tx.delegate.updateManyAndReturn({
      where: { id: input.id, clientId, status: { not: 'REVOKED' } },
      data: { status: 'REVOKED', revokedAt: new Date(), inviteToken: null },
      select: { userId: true },
    })
    if (revoked.length === 0) throw new AppError('NOT_FOUND', 'errors.notFound')
    await publishScopeChange(tx, [revoked[0].userId])
    await recordAudit(tx, actor.userId, 'delegate.revoked', 'Delegate', input.id, { clientId })
    return { revoked: true }
  })
}

export async function findInvitation(token: string) {
  const d = await db.delegate.findUnique({
    where: { inviteToken: token },
    select: { id: true, email: true, status: true, relation: true, client: { select: { displayName: true } } },
  })
  return d && d.status === 'INVITED' ? { email: d.email, relation: d.relation, clientName: d.client.displayName } : null
}

// Accepting creates the delegate's account, or links an existing delegate account whose
// password the invitee proves.
export async function acceptInvitation(input: TAcceptInvitation) {
  const invite = await db.delegate.findUnique({
    where: { inviteToken: input.token },
    select: { id: true, email: true, status: true, clientId: true },
  })
  if (!invite || invite.status !== 'INVITED') throw new AppError('NOT_FOUND', 'errors.invitationInvalid')
  const existing = await db.user.findUnique({ where: { email: invite.email }, select: { id: true, role: true } })
  let userId: string
  if (existing) {
    if (existing.role !== 'DELEGATE' || !(await verifyCredentials(invite.email, input.password))) {
      throw new AppError('CONFLICT', 'errors.invitationAccount')
    }
    userId = existing.id
  } else {
    userId = (
      await db.user.create({
        data: {
          email: invite.email,
          passwordHash: await hashPassword(input.password),
          role: 'DELEGATE',
          name: input.name,
        },
        select: { id: true },
      })
    ).id
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.delegate.updateMany({
      where: { id: invite.id, status: 'INVITED' },
      data: { status: 'ACTIVE', userId, inviteToken: null },
    })
    if (count === 0) throw new AppError('CONFLICT', 'errors.invitationInvalid')
    await recordAudit(tx, userId, 'delegate.accepted', 'Delegate', invite.id, { clientId: invite.clientId })
  })
  return { email: invite.email }
}
