import 'server-only'
import type { Prisma } from '../generated/prisma/client'
import type { Tx } from '../db'

export type AuditInput = {
  actorId: string | null
  action: string
  entity: string
  entityId?: string
  clientId?: string
  data?: Prisma.InputJsonValue
}

// Always called with the transaction that makes the change it records.
export async function recordAudit(tx: Tx, e: AuditInput) {
  await tx.auditEvent.create({
    data: {
      actorId: e.actorId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      clientId: e.clientId,
      data: e.data ?? {},
    },
  })
}
