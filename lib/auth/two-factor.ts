import 'server-only'
import QRCode from 'qrcode'
import { db, type Tx } from '../db'
import { authSecret } from '../env'
import { AppError } from '../errors'
import { recordAudit } from '../audit/record'
import type { Role } from '../generated/prisma/enums'
import type { Actor } from './roles'
import { assertCan, rolesFor } from './policy'
import {
  hashRecoveryCode,
  isTotpShaped,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  otpauthUri,
  sealSecret,
} from './totp'

// Supervisors and admins see every client: they may not work without a second factor.
// Butlers (all staff are offered one) may set it up later.
const SECOND_FACTOR_MANDATORY: readonly Role[] = ['SUPERVISOR', 'ADMIN']

export const mustEnrollSecondFactor = (role: Role, enabled: boolean) =>
  !enabled && SECOND_FACTOR_MANDATORY.includes(role)

async function storedSecret(userId: string) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true },
  })
  return { ...u, secret: u.totpSecret ? openSecret(u.totpSecret, authSecret()) : null }
}

// Accepts the step only if it is newer than the last one used, in one conditional update,
// so a code seen over someone's shoulder (or sent twice at once) works at most once.
async function claimStep(userId: string, step: number) {
  const claimed = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  })
  return claimed.count === 1
}

// The second step of signing in: an authenticator code, or one unused recovery code.
export async function verifySecondFactor(userId: string, code: string): Promise<boolean> {
  const trimmed = code.trim()
  if (isTotpShaped(trimmed)) {
    const u = await storedSecret(userId)
    if (!u.secret || !u.totpEnabledAt) return false
    const step = matchingStep(u.secret, trimmed)
    return step !== null && claimStep(userId, step)
  }
  if (trimmed.length < 10 || trimmed.length > 20) return false
  return db.$transaction(async (tx) => {
    const used = await tx.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(trimmed), usedAt: null },
      data: { usedAt: new Date() },
    })
    if (used.count !== 1) return false
    const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } })
    await recordAudit(tx, userId, 'auth.recovery_code_used', 'User', userId, { data: { left } })
    return true
  })
}

export async function secondFactorStatus(userId: string) {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, totpEnabledAt: true } })
  const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId, usedAt: null } })
  return {
    enabledAt: u.totpEnabledAt,
    recoveryCodesLeft,
    mandatory: SECOND_FACTOR_MANDATORY.includes(u.role),
  }
}

// A new secret, kept sealed but not yet in force until a code from it is confirmed.
export async function beginEnrollment(actor: Actor) {
  // Whatever was pending before is replaced unread.
  const u = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, totpEnabledAt: true },
  })
  if (u.totpEnabledAt) throw new AppError('CONFLICT', 'errors.secondFactorAlreadyOn')
  const secret = newTotpSecret()
  await db.user.update({
    where: { id: actor.userId },
    data: { totpSecret: sealSecret(secret, authSecret()), totpLastStep: null },
  })
  const uri = otpauthUri(secret, u.email)
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { secret, qrSvg }
}

async function replaceRecoveryCodes(tx: Tx, userId: string) {
  const codes = newRecoveryCodes()
  await tx.recoveryCode.deleteMany({ where: { userId } })
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) })
  return codes
}

// The first code from the new authenticator switches it on; the recovery codes are shown
// once, here, and never again.
export async function confirmEnrollment(actor: Actor, code: string) {
  const u = await storedSecret(actor.userId)
  if (u.totpEnabledAt) throw new AppError('CONFLICT', 'errors.secondFactorAlreadyOn')
  if (!u.secret) throw new AppError('CONFLICT', 'errors.secondFactorStartAgain')
  const step = matchingStep(u.secret, code)
  if (step === null) throw new AppError('INVALID_INPUT', 'errors.codeWrong').forField('code')
  return db.$transaction(async (tx) => {
    const on = await tx.user.updateMany({
      where: { id: actor.userId, totpEnabledAt: null, totpSecret: u.totpSecret },
      data: { totpEnabledAt: new Date(), totpLastStep: step, version: { increment: 1 } },
    })
    if (on.count !== 1) throw new AppError('CONFLICT', 'errors.secondFactorStartAgain')
    const codes = await replaceRecoveryCodes(tx, actor.userId)
    await recordAudit(tx, actor.userId, 'auth.second_factor_enabled', 'User', actor.userId)
    return { recoveryCodes: codes }
  })
}

// New recovery codes need a current authenticator code: a borrowed session is not enough.
export async function regenerateRecoveryCodes(actor: Actor, code: string) {
  const u = await storedSecret(actor.userId)
  if (!u.totpEnabledAt || !u.secret) throw new AppError('CONFLICT', 'errors.secondFactorOff')
  const step = matchingStep(u.secret, code)
  if (step === null || !(await claimStep(actor.userId, step)))
    throw new AppError('INVALID_INPUT', 'errors.codeWrong').forField('code')
  return db.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.userId)
    await recordAudit(tx, actor.userId, 'auth.recovery_codes_renewed', 'User', actor.userId)
    return { recoveryCodes: codes }
  })
}

// For a lost phone with no recovery codes left: an admin clears the second factor of
// another staff member, whose sessions end at once; they set it up again on next sign-in.
export async function resetSecondFactor(actor: Actor, userId: string) {
  assertCan(actor, 'system.configure')
  if (userId === actor.userId) throw new AppError('INVALID_INPUT', 'errors.secondFactorNotOwn')
  return db.$transaction(async (tx) => {
    const target = await tx.user.findFirst({
      where: { id: userId, role: { in: [...rolesFor('secondFactor.use')] } },
      select: { id: true },
    })
    if (!target) throw new AppError('NOT_FOUND', 'errors.notFound')
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, version: { increment: 1 } },
    })
    await tx.recoveryCode.deleteMany({ where: { userId } })
    await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } })
    await recordAudit(tx, actor.userId, 'auth.second_factor_reset', 'User', userId)
    return { userId }
  })
}
