import { db } from '../db'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'

// A butler's own availability; it decides who covers their clients and who sees offers.
export async function setOnDuty(actor: Actor, onDuty: boolean) {
  if (actor.role !== 'BUTLER' && actor.role !== 'SUPERVISOR') throw new AppError('FORBIDDEN', 'errors.forbidden')
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { onDuty, version: { increment: 1 } } })
    await recordAudit(tx, { actorId: actor.userId, action: onDuty ? 'staff.on_duty' : 'staff.off_duty', entity: 'User', entityId: actor.userId })
  })
  return { onDuty }
}
