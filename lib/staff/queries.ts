import 'server-only'
import { db } from '../db'
import { assertCan, STAFF_ROLES } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { PHOTO_KEY, staffPhotoUrl } from './photo-url'

export type StaffRowDTO = {
  id: string
  name: string
  email: string
  role: string
  disabled: boolean
  onDuty: boolean
  secondFactorOn: boolean
  photoUrl: string | null
}

export async function listStaff(actor: Actor): Promise<StaffRowDTO[]> {
  assertCan(actor, 'staff.list')
  const rows = await db.user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: {
      name: true,
      email: true,
      role: true,
      disabledAt: true,
      onDuty: true,
      totpEnabledAt: true,
      ...PHOTO_KEY,
    },
  })
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    disabled: r.disabledAt !== null,
    onDuty: r.onDuty,
    secondFactorOn: r.totpEnabledAt !== null,
    photoUrl: staffPhotoUrl(r.id, r.photo),
  }))
}

// Colleagues a request can be transferred or handed to.
export type Colleague = { id: string; name: string; onDuty: boolean }
export const COLLEAGUES_SQL = `SELECT id, name, "onDuty" FROM "User"
  WHERE role = 'BUTLER' AND "disabledAt" IS NULL ORDER BY "onDuty" DESC, name`

export async function teamOverview(actor: Actor) {
  assertCan(actor, 'team.lead')
  const [butlers, clients] = await Promise.all([
    db.user.findMany({
      where: { role: 'BUTLER' },
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        onDuty: true,
        disabledAt: true,
        authorityLimit: true,
        _count: { select: { dedicatedFor: true, backupFor: true, assigned: { where: { status: { not: 'CLOSED' } } } } },
      },
    }),
    db.client.findMany({
      orderBy: { displayName: 'asc' },
      select: { id: true, displayName: true, tier: true, dedicatedButlerId: true, backupButlerId: true },
    }),
  ])
  return {
    butlers: butlers.map((b) => ({
      id: b.id,
      name: b.name,
      onDuty: b.onDuty,
      disabled: b.disabledAt !== null,
      limit: b.authorityLimit?.toFixed(2) ?? null,
      dedicated: b._count.dedicatedFor,
      backup: b._count.backupFor,
      openRequests: b._count.assigned,
    })),
    clients,
  }
}
