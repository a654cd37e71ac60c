import 'server-only'
import { db } from '../db'
import { assertCan } from '../auth/policy'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'
import type { TDeleteShift, TShift } from './schemas'

const requireSupervisor = (actor: Actor) => {
  assertCan(actor, 'team.lead')
}

export async function addShift(actor: Actor, input: TShift, startsAt: Date, endsAt: Date) {
  requireSupervisor(actor)
  const butler = await db.user.findFirst({
    where: { id: input.butlerId, role: 'BUTLER', disabledAt: null },
    select: { id: true },
  })
  if (!butler) throw new AppError('INVALID_INPUT', 'errors.chooseButler').forField('butlerId')
  const overlap = await db.shift.findFirst({
    where: { butlerId: butler.id, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
    select: { id: true },
  })
  if (overlap) throw new AppError('CONFLICT', 'errors.shiftOverlap')
  return db.$transaction(async (tx) => {
    const shift = await tx.shift.create({
      data: { butlerId: butler.id, startsAt, endsAt, isBackup: input.isBackup },
      select: { id: true },
    })
    await recordAudit(tx, actor.userId, 'roster.shift_added', 'Shift', shift.id, {
      data: {
        butlerId: butler.id,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        isBackup: input.isBackup,
      },
    })
    return shift
  })
}

export async function deleteShift(actor: Actor, input: TDeleteShift) {
  requireSupervisor(actor)
  return db.$transaction(async (tx) => {
    const shift = await tx.shift.findUnique({
      where: { id: input.shiftId },
      select: { id: true, butlerId: true, startsAt: true, endsAt: true },
    })
    if (!shift) throw new AppError('NOT_FOUND', 'errors.notFound')
    await tx.shift.delete({ where: { id: shift.id } })
    await recordAudit(tx, actor.userId, 'roster.shift_removed', 'Shift', shift.id, {
      data: { butlerId: shift.butlerId, startsAt: shift.startsAt.toISOString() },
    })
    return { deleted: true }
  })
}

export async function shiftsBetween(from: Date, to: Date) {
  return db.shift.findMany({
    where: { startsAt: { lt: to }, endsAt: { gt: from } },
    orderBy: { startsAt: 'asc' },
    select: { id: true, startsAt: true, endsAt: true, isBackup: true, butler: { select: { id: true, name: true } } },
  })
}

// At each shift edge the roster sets the butler's availability; in between, the butler's
// own toggle stands (a butler may go off duty early, or stay on to finish a request).
export async function syncDutyFromRoster(now: Date, windowMs = 70_000) {
  const since = new Date(now.getTime() - windowMs)
  const started = await db.shift.findMany({
    where: { startsAt: { gt: since, lte: now }, isBackup: false },
    select: { butlerId: true },
  })
  const ended = await db.shift.findMany({ where: { endsAt: { gt: since, lte: now } }, select: { butlerId: true } })
  const stillOn = new Set(
    (
      await db.shift.findMany({
        where: { startsAt: { lte: now }, endsAt: { gt: now }, isBackup: false },
        select: { butlerId: true },
      })
    ).map((s) => s.butlerId),
  )
  const on = [...new Set(started.map((s) => s.butlerId))]
  const off = [...new Set(ended.map((s) => s.butlerId))].filter((id) => !stillOn.has(id))
  if (on.length) await db.user.updateMany({ where: { id: { in: on } }, data: { onDuty: true } })
  if (off.length) await db.user.updateMany({ where: { id: { in: off } }, data: { onDuty: false } })
  return { on, off }
}
