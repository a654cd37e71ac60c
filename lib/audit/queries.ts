import 'server-only'
import { readDb } from '../db'
import { assertCan, STAFF_ROLES } from '../auth/policy'
import type { Actor } from '../auth/roles'
import type { Prisma } from '../generated/prisma/client'

export type AuditFilters = { actor?: string; client?: string; action?: string; from?: Date; to?: Date }

function auditWhere(f: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...(f.actor ? { actorId: f.actor } : {}),
    ...(f.client ? { clientId: f.client } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  }
}

// The audit log is read by supervisors and admins only; nobody can change it (see the
// trigger in the migrations).
export async function listAudit(actor: Actor, f: AuditFilters, take = 200) {
  assertCan(actor, 'audit.read')
  const rows = await readDb.auditEvent.findMany({
    where: auditWhere(f),
    orderBy: { id: 'desc' },
    take,
    select: {
      id: true,
      at: true,
      actorId: true,
      action: true,
      entity: true,
      entityId: true,
      clientId: true,
      data: true,
    },
  })
  const dataOf = (data: unknown) => (data && typeof data === 'object' ? (data as Record<string, unknown>) : {})
  // The request a row is about: the request itself, or the one its data names.
  const requestOf = (r: (typeof rows)[number]) =>
    r.entity === 'ServiceRequest'
      ? r.entityId
      : typeof dataOf(r.data).requestId === 'string'
        ? (dataOf(r.data).requestId as string)
        : null
  const ids = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))]
  // The staff member an entry is about: the account changed, or the butler of a shift.
  const subjectOf = (r: (typeof rows)[number]) =>
    r.entity === 'User'
      ? r.entityId
      : typeof dataOf(r.data).butlerId === 'string'
        ? (dataOf(r.data).butlerId as string)
        : null
  const userIds = ids(rows.flatMap((r) => [r.actorId, subjectOf(r)]))
  const clientIds = ids(rows.map((r) => r.clientId))
  const requestIds = ids(rows.map(requestOf))
  const [users, clients, requests] = await Promise.all([
    readDb.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    readDb.client.findMany({ where: { id: { in: clientIds } }, select: { id: true, displayName: true } }),
    readDb.serviceRequest.findMany({
      where: { id: { in: requestIds } },
      select: { id: true, number: true, title: true },
    }),
  ])
  const userName = new Map(users.map((u) => [u.id, u.name]))
  const clientName = new Map(clients.map((c) => [c.id, c.displayName]))
  const request = new Map(requests.map((q) => [q.id, q]))
  return rows.map((r) => {
    const requestId = requestOf(r)
    return {
      id: String(r.id),
      at: r.at.toISOString(),
      action: r.action,
      entity: r.entity,
      entityId: r.entityId ?? '',
      actorId: r.actorId,
      actorName: r.actorId ? (userName.get(r.actorId) ?? r.actorId) : 'system',
      clientId: r.clientId,
      clientName: r.clientId ? (clientName.get(r.clientId) ?? r.clientId) : '',
      subjectName: userName.get(subjectOf(r) ?? '') ?? null,
      requestId: requestId && request.has(requestId) ? requestId : null,
      requestNumber: requestId ? (request.get(requestId)?.number ?? null) : null,
      requestTitle: requestId ? (request.get(requestId)?.title ?? null) : null,
      data: JSON.stringify(r.data),
      details: dataOf(r.data),
    }
  })
}

export async function auditFilterOptions(actor: Actor) {
  assertCan(actor, 'audit.read')
  const [users, clients] = await Promise.all([
    readDb.user.findMany({
      where: { role: { in: [...STAFF_ROLES] } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    readDb.client.findMany({ orderBy: { displayName: 'asc' }, select: { id: true, displayName: true } }),
  ])
  return { users, clients }
}
