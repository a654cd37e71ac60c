import 'server-only'
import { db, rawDb } from '../db'
import { instant } from '../db/raw'
import type { Actor } from '../auth/roles'
import { assertCan, can } from '../auth/policy'
import { requestScopeSql, scopedRequestJoin } from '../auth/scope'

export const ACTIVE_VENDORS_SQL = `SELECT id, name, kind, city FROM "Vendor" WHERE active ORDER BY kind, name`
export type VendorChoice = { id: string; name: string; kind: string; city: string | null }

// Raw: every request page lists them (no query compilation).
export async function listActiveVendors() {
  return rawDb.$queryRawUnsafe<VendorChoice[]>(ACTIVE_VENDORS_SQL)
}

export type VendorTaskDTO = {
  id: string
  vendorName: string
  vendorKind: string
  description: string
  status: string
  approval: string
  cost: string | null
  currency: string
  confirmationRef: string | null
  dueAt: string | null
  version: number
}

// Clients see what was booked and its confirmation; costs and approvals stay with staff.
// $1 the actor, $2 their clients, $3 the request. Cost as text, two places.
export const vendorTasksSql = (actor: Actor) =>
  `SELECT t.id, v.name AS "vendorName", v.kind::text AS "vendorKind", t.description, t.status::text AS status,
     t.approval::text AS approval, to_char(t.cost, 'FM999999999990.00') AS cost, t.currency,
     t."confirmationRef", t."dueAt", t.version
   FROM "VendorTask" t JOIN "Vendor" v ON v.id = t."vendorId" ${scopedRequestJoin('t."requestId"')}
   WHERE t."requestId" = $3 AND ${requestScopeSql(actor, '$1', '$2')}
     ${can(actor, 'request.serve') ? '' : `AND t.status IN ('CONFIRMED', 'DONE')`}
   ORDER BY t."createdAt"`

type VendorTaskRow = Omit<VendorTaskDTO, 'dueAt'> & { dueAt: Date | string | null }
export const toVendorTask =
  (actor: Actor) =>
  (t: VendorTaskRow): VendorTaskDTO => {
    const clientView = !can(actor, 'request.serve')
    return {
      ...t,
      approval: clientView ? 'NOT_NEEDED' : t.approval,
      cost: clientView ? null : t.cost,
      dueAt: t.dueAt === null ? null : instant(t.dueAt).toISOString(),
    }
  }

// Raw: every request page lists them (no query compilation).
export async function vendorTasksFor(actor: Actor, requestId: string): Promise<VendorTaskDTO[]> {
  const tasks = await rawDb.$queryRawUnsafe<VendorTaskRow[]>(
    vendorTasksSql(actor),
    actor.userId,
    actor.clientIds,
    requestId,
  )
  return tasks.map(toVendorTask(actor))
}

export async function pendingApprovals(actor: Actor) {
  assertCan(actor, 'team.lead')
  const tasks = await db.vendorTask.findMany({
    // Spend on a request under review is decided in the review queue (/supervisor/risk).
    where: { approval: 'PENDING', request: { riskReview: { isNot: { status: 'PENDING' } } } },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      description: true,
      cost: true,
      currency: true,
      version: true,
      createdAt: true,
      vendor: { select: { name: true } },
      request: {
        select: {
          id: true,
          number: true,
          title: true,
          client: { select: { displayName: true } },
          assignee: { select: { name: true, authorityLimit: true } },
        },
      },
    },
  })
  return tasks.map((t) => ({
    id: t.id,
    description: t.description,
    cost: t.cost?.toFixed(2) ?? null,
    currency: t.currency,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    vendorName: t.vendor.name,
    requestId: t.request.id,
    requestNumber: t.request.number,
    requestTitle: t.request.title,
    clientName: t.request.client.displayName,
    butlerName: t.request.assignee?.name ?? null,
    butlerLimit: t.request.assignee?.authorityLimit?.toFixed(2) ?? null,
  }))
}
