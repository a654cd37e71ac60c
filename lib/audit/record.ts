import 'server-only'
import { Prisma } from '../generated/prisma/client'
import { rawDb } from '../db'
import type { RawDb } from '../db/raw'

// What a change did, to which row: the caller's own words, without the actor or the client.
export type AuditEntry = { action: string; entity: string; entityId?: string; data?: Prisma.InputJsonValue }
type AuditDetail = { clientId?: string; data?: Prisma.InputJsonValue }

// Who did what to which row. Always called with the transaction that makes the change it records.
export async function recordAudit(
  tx: RawDb,
  actorId: string | null,
  action: string,
  entity: string,
  entityId?: string,
  { clientId, data }: AuditDetail = {},
) {
  await tx.$executeRaw`${insertAudit({ actorId, action, entity, entityId, clientId, data })}`
}

// One raw INSERT (no query compilation: every write records one). The clock, not the
// transaction's start, so the entries of one transaction keep their order.
const insertAudit = (e: {
  actorId: string | null
  action: string
  entity: string
  entityId?: string
  clientId?: string
  data?: Prisma.InputJsonValue
}) => Prisma.sql`
  INSERT INTO "AuditEvent" (at, "actorId", action, entity, "entityId", "clientId", data)
  VALUES (clock_timestamp(), ${e.actorId}, ${e.action}, ${e.entity}, ${e.entityId ?? null}, ${e.clientId ?? null},
          ${JSON.stringify(e.data ?? {})}::jsonb)`

// The same for an entry a change describes itself (a unit of work, an offered alternative).
export const recordAuditEntry = (tx: RawDb, actorId: string, clientId: string, e: AuditEntry) =>
  recordAudit(tx, actorId, e.action, e.entity, e.entityId, { clientId, data: e.data })

// A staff read of client data (a request opened, a file downloaded, an export): recorded on
// its own, since a read has no transaction to join. Called by the loader itself, so no page
// or route that shows the data can forget it.
export async function recordRead(
  actorId: string,
  e: { action: string; entity: string; entityId?: string; clientId?: string; data?: Prisma.InputJsonValue },
) {
  await rawDb.$executeRaw`${insertAudit({ actorId, ...e })}`
}
