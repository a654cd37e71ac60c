import 'server-only'
import type { Prisma } from '../generated/prisma/client'
import { db, type Tx } from '../db'

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

// A staff read of client data (a request opened, a file downloaded, an export): recorded on
// its own, since a read has no transaction to join. Called by the loader itself, so no page
// or route that shows the data can forget it.
export async function recordRead(actorId: string, e: Omit<AuditInput, 'actorId'>) {
  await db.auditEvent.create({
    data: {
      actorId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      clientId: e.clientId,
      data: e.data ?? {},
    },
  })
}
