import 'server-only'
import { db, type Tx } from '../db'
import { assertCan, can } from '../auth/policy'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'
import type { TDeleteById, TFamilyMember, TKeyDate, TPreference, TSettings } from './schemas'

// A client manages their own profile; delegates act on requests, not on the profile.
function ownClientId(actor: Actor) {
  if (!can(actor, 'profile.manage') || actor.clientIds.length !== 1) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return actor.clientIds[0]
}

export async function updateSettings(actor: Actor, input: TSettings) {
  assertCan(actor, 'portal.use')
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { locale: input.language, timeZone: input.timeZone } })
    if (can(actor, 'profile.manage')) {
      await tx.client.update({
        where: { id: ownClientId(actor) },
        data: { language: input.language, timeZone: input.timeZone, version: { increment: 1 } },
      })
    }
    await recordAudit(tx, actor.userId, 'profile.settings_changed', 'User', actor.userId, {
      clientId: actor.clientIds[0],
      data: input,
    })
  })
  return input
}

// Create or update one row of the client's own profile. Ownership is in the where clause,
// so an id of another client's row matches nothing.
async function upsertOwned<T extends { id: string | null }>(
  actor: Actor,
  input: T,
  entity: string,
  write: (tx: Tx, clientId: string) => Promise<{ id: string } | null>,
) {
  const clientId = ownClientId(actor)
  return db.$transaction(async (tx) => {
    const row = await write(tx, clientId)
    if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
    await recordAudit(tx, actor.userId, `profile.${entity}_${input.id ? 'updated' : 'added'}`, entity, row.id, {
      clientId,
    })
    return row
  })
}

async function updateOwned(count: Promise<{ count: number }>, id: string) {
  return (await count).count === 1 ? { id } : null
}

export const savePreference = (actor: Actor, input: TPreference) =>
  upsertOwned(actor, input, 'preference', (tx, clientId) =>
    input.id
      ? updateOwned(
          tx.preference.updateMany({
            where: { id: input.id, clientId },
            data: { topic: input.topic, value: input.value },
          }),
          input.id,
        )
      : tx.preference.create({ data: { clientId, topic: input.topic, value: input.value }, select: { id: true } }),
  )

export const saveFamilyMember = (actor: Actor, input: TFamilyMember) => {
  const data = {
    name: input.name,
    relation: input.relation,
    birthday: input.birthday ? new Date(`${input.birthday}T00:00:00Z`) : null,
    phone: input.phone,
  }
  return upsertOwned(actor, input, 'family_member', (tx, clientId) =>
    input.id
      ? updateOwned(tx.familyMember.updateMany({ where: { id: input.id, clientId }, data }), input.id)
      : tx.familyMember.create({ data: { clientId, ...data }, select: { id: true } }),
  )
}

export const saveKeyDate = async (actor: Actor, input: TKeyDate) => {
  const clientId = ownClientId(actor)
  if (
    input.familyMemberId &&
    !(await db.familyMember.findFirst({ where: { id: input.familyMemberId, clientId }, select: { id: true } }))
  ) {
    throw new AppError('NOT_FOUND', 'errors.notFound')
  }
  const data = {
    kind: input.kind,
    label: input.label,
    date: new Date(`${input.date}T00:00:00Z`),
    familyMemberId: input.familyMemberId,
    recurring: input.recurring,
  }
  return upsertOwned(actor, input, 'key_date', (tx) =>
    input.id
      ? updateOwned(tx.keyDate.updateMany({ where: { id: input.id, clientId }, data }), input.id)
      : tx.keyDate.create({ data: { clientId, ...data }, select: { id: true } }),
  )
}

export async function deleteOwned(actor: Actor, kind: 'preference' | 'family_member' | 'key_date', input: TDeleteById) {
  const clientId = ownClientId(actor)
  return db.$transaction(async (tx) => {
    const where = { id: input.id, clientId }
    const { count } =
      kind === 'preference'
        ? await tx.preference.deleteMany({ where })
        : kind === 'family_member'
          ? await tx.familyMember.deleteMany({ where })
          : await tx.keyDate.deleteMany({ where })
    if (count === 0) throw new AppError('NOT_FOUND', 'errors.notFound')
    await recordAudit(tx, actor.userId, `profile.${kind}_deleted`, kind, input.id, { clientId })
    return { deleted: true }
  })
}

export async function getOwnProfile(actor: Actor) {
  assertCan(actor, 'portal.use')
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { locale: true, timeZone: true },
  })
  if (!can(actor, 'profile.manage')) return { settings: user, preferences: [], family: [], keyDates: [], delegates: [] }
  const c = await db.client.findUniqueOrThrow({
    where: { id: ownClientId(actor) },
    select: {
      preferences: { orderBy: { topic: 'asc' }, select: { id: true, topic: true, value: true } },
      family: {
        orderBy: { name: 'asc' },
        select: { id: true, name: true, relation: true, birthday: true, phone: true },
      },
      keyDates: {
        orderBy: { date: 'asc' },
        select: { id: true, kind: true, label: true, date: true, recurring: true, familyMemberId: true },
      },
      delegates: {
        where: { status: { not: 'REVOKED' } },
        orderBy: { invitedAt: 'asc' },
        select: { id: true, email: true, relation: true, status: true },
      },
    },
  })
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)
  return {
    settings: user,
    preferences: c.preferences,
    family: c.family.map((f) => ({ ...f, birthday: day(f.birthday) })),
    keyDates: c.keyDates.map((k) => ({ ...k, date: day(k.date)! })),
    delegates: c.delegates,
  }
}
