import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'
import { assertCan, can } from '../auth/policy'
import { requestScope } from '../auth/scope'

// Raw: every request page lists them (no query compilation).
export async function listActiveVendors() {
  return db.$queryRaw<{ id: string; name: string; kind: string; city: string | null }[]>`
    SELECT id, name, kind, city FROM "Vendor" WHERE active ORDER BY kind, name`
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
export async function vendorTasksFor(actor: Actor, requestId: string): Promise<VendorTaskDTO[]> {
  const clientView = !can(actor, 'request.serve')
  const tasks = await db.vendorTask.findMany({
    where: {
      requestId,
      request: requestScope(actor),
      ...(clientView ? { status: { in: ['CONFIRMED', 'DONE'] } } : {}),
    },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      description: true,
      status: true,
      approval: true,
      cost: true,
      currency: true,
      confirmationRef: true,
      dueAt: true,
      version: true,
      vendor: { select: { name: true, kind: true } },
    },
  })
  return tasks.map((t) => ({
    id: t.id,
    vendorName: t.vendor.name,
    vendorKind: t.vendor.kind,
    description: t.description,
    status: t.status,
    approval: clientView ? 'NOT_NEEDED' : t.approval,
    cost: clientView || t.cost === null ? null : t.cost.toFixed(2),
    currency: t.currency,
    confirmationRef: t.confirmationRef,
    dueAt: t.dueAt?.toISOString() ?? null,
    version: t.version,
  }))
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
