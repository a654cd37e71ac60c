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
  const userIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => Boolean(x)))]
  const clientIds = [...new Set(rows.map((r) => r.clientId).filter((x): x is string => Boolean(x)))]
  const [users, clients] = await Promise.all([
    readDb.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    readDb.client.findMany({ where: { id: { in: clientIds } }, select: { id: true, displayName: true } }),
  ])
  const userName = new Map(users.map((u) => [u.id, u.name]))
  const clientName = new Map(clients.map((c) => [c.id, c.displayName]))
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    action: r.action,
    entity: r.entity,
    entityId: r.entityId ?? '',
    actorId: r.actorId,
    actorName: r.actorId ? (userName.get(r.actorId) ?? r.actorId) : 'system',
    clientId: r.clientId,
    clientName: r.clientId ? (clientName.get(r.clientId) ?? r.clientId) : '',
    data: JSON.stringify(r.data),
  }))
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
