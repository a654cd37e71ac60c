import 'server-only'
import bcrypt from 'bcryptjs'
import { db, rawDb } from '../db'
import { env } from '../env'
import { publishScopeChange } from '../events/publish'
import type { Actor } from './roles'
import { mustEnrollSecondFactor, verifySecondFactor } from './two-factor'

export async function hashPassword(plain: string) {
  return bcrypt.hash(plain, 12)
}

// A fixed hash to compare against when the email is unknown, so a wrong email and a wrong
// password take the same time and give the same answer.
const DUMMY_HASH = '$2b$12$MMlvUJr4TynIxbvGBxvKK.8MGf73LEvNX8gKeBlVxBNNSs22fnPn6'

export async function verifyCredentials(email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, role: true, passwordHash: true, disabledAt: true, totpEnabledAt: true },
  })
  // Invited accounts hold a placeholder until a password is set: it never matches.
  const hasPassword = Boolean(user?.passwordHash.startsWith('$2'))
  const ok = await bcrypt.compare(password, hasPassword ? user!.passwordHash : DUMMY_HASH)
  if (!user || !hasPassword || !ok || user.disabledAt) return null
  return { id: user.id, role: user.role, secondFactorOn: user.totpEnabledAt !== null }
}

// Both steps of signing in. The code is only looked at after a correct password, so asking
// for one reveals nothing about which emails exist.
export async function checkSignIn(email: string, password: string, code?: string) {
  const user = await verifyCredentials(email, password)
  if (!user) return 'refused' as const
  if (user.secondFactorOn) {
    if (!code) return 'code_required' as const
    if (!(await verifySecondFactor(user.id, code))) return 'code_wrong' as const
  }
  return { userId: user.id }
}

export async function createSession(userId: string) {
  const hours = env().SESSION_HOURS
  const session = await db.authSession.create({
    data: { userId, expiresAt: new Date(Date.now() + hours * 3600_000) },
    select: { id: true },
  })
  await db.auditEvent.create({ data: { actorId: userId, action: 'auth.sign_in', entity: 'User', entityId: userId } })
  return session.id
}

export async function revokeSession(sessionId: string) {
  return db.$transaction(async (tx) => {
    const revoked = await tx.authSession.updateManyAndReturn({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { userId: true },
    })
    // Open event streams of the user re-check their session and the signed-out one closes.
    await publishScopeChange(
      tx,
      revoked.map((s) => s.userId),
    )
    return revoked.length > 0
  })
}

// The server-side check behind every guard: the session row must exist, be live, and belong
// to an enabled user. Revoking the row ends the session on the next request.
export async function loadActor(sessionId: string): Promise<Actor | null> {
  // One statement (this runs on every request): the live session, its enabled user, and the
  // clients the user may act for (their own profile, or those who delegated to them).
  const [row] = await rawDb.$queryRaw<ActorRow[]>`
    SELECT s.id AS "sessionId", u.id AS "userId", u.role::text AS role, u.name, u.locale::text AS locale,
           u."timeZone", u."onDuty", u."totpEnabledAt" IS NOT NULL AS "secondFactorOn",
           (SELECT p."storageKey" FROM "StaffPhoto" p WHERE p."userId" = u.id) AS "photoKey",
           CASE u.role
             WHEN 'CLIENT' THEN ARRAY(SELECT c.id FROM "Client" c WHERE c."userId" = u.id)
             WHEN 'DELEGATE' THEN ARRAY(SELECT d."clientId" FROM "Delegate" d
                                        WHERE d."userId" = u.id AND d.status = 'ACTIVE' ORDER BY d."invitedAt")
             ELSE '{}'::text[]
           END AS "clientIds"
    FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId} AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND u."disabledAt" IS NULL`
  if (!row) return null
  return { ...row, mustEnrollSecondFactor: mustEnrollSecondFactor(row.role, row.secondFactorOn) }
}

type ActorRow = Omit<Actor, 'mustEnrollSecondFactor'>

// A new password ends every other session of the user at once; the current one stays.
export async function changePassword(actor: Actor, current: string, next: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } })
  if (!(await verifyCredentials(user.email, current))) return false
  const passwordHash = await hashPassword(next)
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, version: { increment: 1 } } })
    await tx.authSession.updateMany({
      where: { userId: actor.userId, revokedAt: null, NOT: { id: actor.sessionId } },
      data: { revokedAt: new Date() },
    })
    await tx.auditEvent.create({
      data: { actorId: actor.userId, action: 'auth.password_changed', entity: 'User', entityId: actor.userId },
    })
    await publishScopeChange(tx, [actor.userId])
  })
  return true
}
