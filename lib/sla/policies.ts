import 'server-only'
import { db } from '../db'
import { assertCan } from '../auth/policy'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'
import type { TPolicyRef, TSlaPolicy } from './schemas'
import { SLA_POLICY_TARGETS } from './service'

const requireAdmin = (actor: Actor) => {
  assertCan(actor, 'system.configure')
}

export async function listPolicies(actor: Actor) {
  requireAdmin(actor)
  return db.slaPolicy.findMany({
    orderBy: [{ active: 'desc' }, { kind: 'asc' }, { category: 'asc' }, { tier: 'asc' }],
    select: {
      ...SLA_POLICY_TARGETS,
      active: true,
      version: true,
      updatedAt: true,
    },
  })
}

// Changes apply to clocks started afterwards; running clocks keep the deadlines they had.
export async function savePolicy(actor: Actor, input: TSlaPolicy) {
  requireAdmin(actor)
  const { id, version, ...data } = input
  const { kind, category, tier } = data
  return db.$transaction(async (tx) => {
    const clash = await tx.slaPolicy.findFirst({
      where: { kind, category, tier, active: true, ...(id ? { NOT: { id } } : {}) },
      select: { id: true },
    })
    if (clash) throw new AppError('CONFLICT', 'errors.policyExists')
    if (!id) {
      const created = await tx.slaPolicy.create({ data, select: { id: true } })
      await recordAudit(tx, actor.userId, 'sla_policy.created', 'SlaPolicy', created.id, { data })
      return created
    }
    const updated = await tx.slaPolicy.updateMany({
      where: { id, version: version ?? -1 },
      data: { ...data, version: { increment: 1 } },
    })
    if (updated.count === 0) throw new AppError('CONFLICT', 'errors.staleVersion')
    await recordAudit(tx, actor.userId, 'sla_policy.updated', 'SlaPolicy', id, { data })
    return { id }
  })
}

export async function deactivatePolicy(actor: Actor, input: TPolicyRef) {
  requireAdmin(actor)
  return db.$transaction(async (tx) => {
    const updated = await tx.slaPolicy.updateMany({
      where: { id: input.id, version: input.version, active: true },
      data: { active: false, version: { increment: 1 } },
    })
    if (updated.count === 0) throw new AppError('CONFLICT', 'errors.staleVersion')
    await recordAudit(tx, actor.userId, 'sla_policy.deactivated', 'SlaPolicy', input.id)
    return { id: input.id }
  })
}
