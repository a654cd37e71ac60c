import 'server-only'
import { randomBytes } from 'node:crypto'
import { assertCan, STAFF_ROLES } from '../auth/policy'
import { db } from '../db'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { publishScopeChange } from '../events/publish'
import { recordAudit } from '../audit/record'
import { hashPassword } from '../auth/sessions'
import { enqueueEmail } from '../notifications/outbox'
import type {
  TAcceptStaffInvite,
  TAssignClient,
  TAuthorityLimit,
  TBulkReassign,
  TChangeRole,
  TInviteStaff,
  TSetDisabled,
} from './schemas'

// A butler's own availability; it decides who covers their clients and who sees offers.
export async function setOnDuty(actor: Actor, onDuty: boolean) {
  assertCan(actor, 'request.serve')
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { onDuty, version: { increment: 1 } } })
    await recordAudit(tx, actor.userId, onDuty ? 'staff.on_duty' : 'staff.off_duty', 'User', actor.userId)
  })
  return { onDuty }
}

async function activeButler(id: string) {
  const b = await db.user.findFirst({ where: { id, role: 'BUTLER', disabledAt: null }, select: { id: true } })
  if (!b) throw new AppError('INVALID_INPUT', 'errors.chooseButler')
  return b
}

export async function setAuthorityLimit(actor: Actor, input: TAuthorityLimit) {
  assertCan(actor, 'team.lead')
  await activeButler(input.butlerId)
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.butlerId },
      data: { authorityLimit: input.limit, version: { increment: 1 } },
    })
    await recordAudit(tx, actor.userId, 'staff.authority_limit_set', 'User', input.butlerId, {
      data: { limit: input.limit },
    })
  })
  return { limit: input.limit }
}

export async function assignClient(actor: Actor, input: TAssignClient) {
  assertCan(actor, 'team.lead')
  if (input.dedicatedButlerId) await activeButler(input.dedicatedButlerId)
  if (input.backupButlerId) await activeButler(input.backupButlerId)
  return db.$transaction(async (tx) => {
    const before = await tx.client.findUnique({
      where: { id: input.clientId },
      select: { dedicatedButlerId: true, backupButlerId: true },
    })
    if (!before) throw new AppError('NOT_FOUND', 'errors.notFound')
    await tx.client.update({
      where: { id: input.clientId },
      data: {
        dedicatedButlerId: input.dedicatedButlerId,
        backupButlerId: input.backupButlerId,
        version: { increment: 1 },
      },
    })
    await recordAudit(tx, actor.userId, 'client.butlers_assigned', 'Client', input.clientId, {
      clientId: input.clientId,
      data: { before, after: { dedicatedButlerId: input.dedicatedButlerId, backupButlerId: input.backupButlerId } },
    })
    await publishScopeChange(tx, [
      before.dedicatedButlerId,
      before.backupButlerId,
      input.dedicatedButlerId,
      input.backupButlerId,
    ])
    return { clientId: input.clientId }
  })
}

// Leave or departure: every client of one butler moves to another in one step. Each
// client's change is audited, so the trail shows who served whom and since when.
export async function bulkReassign(actor: Actor, input: TBulkReassign) {
  assertCan(actor, 'team.lead')
  await activeButler(input.toButlerId)
  return db.$transaction(async (tx) => {
    const moves: { clientId: string; field: 'dedicatedButlerId' | 'backupButlerId' }[] = []
    if (input.scope !== 'backup') {
      for (const c of await tx.client.findMany({
        where: { dedicatedButlerId: input.fromButlerId },
        select: { id: true },
      }))
        moves.push({ clientId: c.id, field: 'dedicatedButlerId' })
    }
    if (input.scope !== 'dedicated') {
      for (const c of await tx.client.findMany({ where: { backupButlerId: input.fromButlerId }, select: { id: true } }))
        moves.push({ clientId: c.id, field: 'backupButlerId' })
    }
    for (const m of moves) {
      const other = m.field === 'dedicatedButlerId' ? 'backupButlerId' : 'dedicatedButlerId'
      const client = await tx.client.findUniqueOrThrow({
        where: { id: m.clientId },
        select: { dedicatedButlerId: true, backupButlerId: true },
      })
      // Never make one butler both dedicated and backup for the same client.
      const clearOther = client[other] === input.toButlerId
      await tx.client.update({
        where: { id: m.clientId },
        data: { [m.field]: input.toButlerId, ...(clearOther ? { [other]: null } : {}), version: { increment: 1 } },
      })
      await recordAudit(tx, actor.userId, 'client.butler_reassigned', 'Client', m.clientId, {
        clientId: m.clientId,
        data: { field: m.field, from: input.fromButlerId, to: input.toButlerId },
      })
    }
    await recordAudit(tx, actor.userId, 'staff.bulk_reassigned', 'User', input.fromButlerId, {
      data: { to: input.toButlerId, scope: input.scope, clients: moves.length },
    })
    if (moves.length) await publishScopeChange(tx, [input.fromButlerId, input.toButlerId])
    return { moved: moves.length }
  })
}

export async function inviteStaff(actor: Actor, input: TInviteStaff) {
  assertCan(actor, 'system.configure')
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } }))
    throw new AppError('CONFLICT', 'errors.emailTaken').forField('email')
  const token = randomBytes(24).toString('base64url')
  return db.$transaction(async (tx) => {
    // The account cannot sign in until its owner sets a password through the link.
    const user = await tx.user.create({
      data: {
        ...input,
        inviteToken: token,
        passwordHash: `!invited:${randomBytes(16).toString('hex')}`,
        onDuty: false,
      },
      select: { id: true },
    })
    await enqueueEmail(tx, input.email, 'zh_CN', 'staffInvited', { name: input.name, path: `/welcome/${token}` })
    await recordAudit(tx, actor.userId, 'staff.invited', 'User', user.id, { data: { role: input.role } })
    return user
  })
}

export async function acceptStaffInvite(input: TAcceptStaffInvite) {
  const user = await db.user.findUnique({ where: { inviteToken: input.token }, select: { id: true, disabledAt: true } })
  if (!user || user.disabledAt) throw new AppError('NOT_FOUND', 'errors.invitationInvalid')
  const passwordHash = await hashPassword(input.password)
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, inviteToken: input.token },
      data: { passwordHash, inviteToken: null },
    })
    if (count === 0) throw new AppError('NOT_FOUND', 'errors.invitationInvalid')
    await recordAudit(tx, user.id, 'staff.invitation_accepted', 'User', user.id)
  })
  return { ok: true }
}

// Role changes and disabling end the user's sessions on the server at once.
export async function changeRole(actor: Actor, input: TChangeRole) {
  assertCan(actor, 'system.configure')
  if (input.userId === actor.userId) throw new AppError('FORBIDDEN', 'errors.notSelf')
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, role: { in: [...STAFF_ROLES] } },
      data: { role: input.role, version: { increment: 1 } },
    })
    if (count === 0) throw new AppError('NOT_FOUND', 'errors.notFound')
    await tx.authSession.updateMany({
      where: { userId: input.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    await recordAudit(tx, actor.userId, 'staff.role_changed', 'User', input.userId, { data: { role: input.role } })
    await publishScopeChange(tx, [input.userId])
    return { role: input.role }
  })
}

export async function setDisabled(actor: Actor, input: TSetDisabled) {
  assertCan(actor, 'system.configure')
  if (input.userId === actor.userId) throw new AppError('FORBIDDEN', 'errors.notSelf')
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, role: { in: [...STAFF_ROLES] } },
      data: {
        disabledAt: input.disabled ? new Date() : null,
        ...(input.disabled ? { onDuty: false } : {}),
        version: { increment: 1 },
      },
    })
    if (count === 0) throw new AppError('NOT_FOUND', 'errors.notFound')
    if (input.disabled)
      await tx.authSession.updateMany({
        where: { userId: input.userId, revokedAt: null },
        data: { revokedAt: new Date() },
      })
    await recordAudit(tx, actor.userId, input.disabled ? 'staff.disabled' : 'staff.enabled', 'User', input.userId)
    await publishScopeChange(tx, [input.userId])
    return { disabled: input.disabled }
  })
}
