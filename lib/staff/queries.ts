import { db } from '../db'
import type { Actor } from '../auth/roles'
import { AppError } from '../errors'

export type StaffRowDTO = { id: string; name: string; email: string; role: string; disabled: boolean; onDuty: boolean }

export async function listStaff(actor: Actor): Promise<StaffRowDTO[]> {
  if (actor.role !== 'ADMIN' && actor.role !== 'SUPERVISOR') throw new AppError('FORBIDDEN', 'errors.forbidden')
  const rows = await db.user.findMany({
    where: { role: { in: ['BUTLER', 'SUPERVISOR', 'ADMIN'] } },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, email: true, role: true, disabledAt: true, onDuty: true },
  })
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role, disabled: r.disabledAt !== null, onDuty: r.onDuty }))
}

// Colleagues a request can be transferred or handed to.
export async function listColleagues(actor: Actor) {
  if (actor.role !== 'BUTLER' && actor.role !== 'SUPERVISOR') return []
  return db.user.findMany({
    where: { role: 'BUTLER', disabledAt: null },
    orderBy: [{ onDuty: 'desc' }, { name: 'asc' }],
    select: { id: true, name: true, onDuty: true },
  })
}
