import 'server-only'
import { db, rawDb } from '../db'
import { AppError } from '../errors'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { requestScope, requestScopeSql, scopedRequestJoin } from '../auth/scope'
import { recordAudit, recordAuditEntry } from '../audit/record'
import { recordAlternative } from '../requests/alternatives'
import { changeRequest } from '../requests/unit-of-work'
import type { RiskReason } from './rules'
import type { TRiskDecision, TRiskRule } from './schemas'

// Only the fields a kind uses are stored, so a rule never carries a stale threshold or list.
function ruleData(input: TRiskRule) {
  const k = input.kind
  return {
    kind: k,
    label: input.label,
    active: input.active,
    category: k === 'CATEGORY' ? input.category! : null,
    service: k === 'CATEGORY' ? (input.service ?? null) : null,
    keywords: k === 'KEYWORD' ? [...new Set(input.keywords)] : [],
    threshold: k === 'SPEND' ? input.threshold! : null,
    currency: k === 'SPEND' ? input.currency! : null,
    days: k === 'NEW_CONTACT' ? input.days! : null,
  }
}

export async function saveRiskRule(actor: Actor, input: TRiskRule) {
  assertCan(actor, 'system.configure')
  const data = ruleData(input)
  return db.$transaction(async (tx) => {
    let id = input.id
    if (id) {
      const updated = await tx.riskRule.updateMany({
        where: { id, ...(input.version ? { version: input.version } : {}) },
        data: { ...data, version: { increment: 1 } },
      })
      if (updated.count === 0) throw new AppError('CONFLICT', 'errors.staleVersion')
    } else {
      id = (await tx.riskRule.create({ data, select: { id: true } })).id
    }
    await recordAudit(tx, actor.userId, input.id ? 'risk.rule_updated' : 'risk.rule_created', 'RiskRule', id, { data })
    return { id }
  })
}

export async function listRiskRules(actor: Actor) {
  assertCan(actor, 'system.configure')
  const rules = await db.riskRule.findMany({ orderBy: [{ active: 'desc' }, { createdAt: 'asc' }] })
  return rules.map((r) => ({ ...r, threshold: r.threshold === null ? null : Number(r.threshold) }))
}

export async function riskQueue(actor: Actor) {
  assertCan(actor, 'team.lead')
  const reviews = await db.riskReview.findMany({
    where: { status: 'PENDING', request: requestScope(actor) },
    orderBy: { flaggedAt: 'asc' },
    select: {
      id: true,
      version: true,
      flaggedAt: true,
      reasons: true,
      request: {
        select: {
          id: true,
          number: true,
          title: true,
          category: true,
          status: true,
          client: { select: { displayName: true } },
          assignee: { select: { name: true } },
          vendorTasks: {
            where: { approval: 'PENDING' },
            select: { id: true, description: true, cost: true, currency: true, vendor: { select: { name: true } } },
          },
        },
      },
    },
  })
  return reviews.map((r) => ({
    ...r,
    reasons: r.reasons as RiskReason[],
    request: {
      ...r.request,
      vendorTasks: r.request.vendorTasks.map((t) => ({ ...t, cost: t.cost === null ? null : Number(t.cost) })),
    },
  }))
}

// What console staff see on a request waiting for review: the reasons, never a decision form.
// The reasons of the request's open review, if any: $1 the actor, $2 their clients, $3 the request.
export const openReviewSql = (actor: Actor) =>
  `SELECT v.reasons FROM "RiskReview" v ${scopedRequestJoin('v."requestId"')}
   WHERE v."requestId" = $3 AND v.status = 'PENDING' AND ${requestScopeSql(actor, '$1', '$2')}`

export async function openReviewFor(actor: Actor, requestId: string) {
  assertCan(actor, 'request.serve')
  // Raw: every request page asks.
  const [review] = await rawDb.$queryRawUnsafe<{ reasons: RiskReason[] }[]>(
    openReviewSql(actor),
    actor.userId,
    actor.clientIds,
    requestId,
  )
  return review ? review.reasons : null
}

// A supervisor's decision on a request waiting for review. Approving releases its held vendor
// tasks (the supervisor's approval stands in for the authority-limit approval too); declining
// records an alternative for the client through the alternatives flow and cancels the held
// spend. The review's version makes a decision on reasons the supervisor has not seen fail.
export function decideRisk(actor: Actor, input: TRiskDecision) {
  const select = { status: true, title: true, version: true } as const
  const where = { riskReview: { is: { id: input.reviewId } } }
  return changeRequest(actor, 'team.lead', where, select, async (tx, request) => {
    const approve = input.decision === 'approve'
    const claimed = await tx.riskReview.updateMany({
      where: { id: input.reviewId, status: 'PENDING', version: input.version },
      data: {
        status: approve ? 'APPROVED' : 'DECLINED',
        note: input.note ?? null,
        decidedById: actor.userId,
        decidedAt: new Date(),
        version: { increment: 1 },
      },
    })
    if (claimed.count === 0) {
      const now = await tx.riskReview.findUniqueOrThrow({ where: { id: input.reviewId }, select: { status: true } })
      throw now.status === 'PENDING'
        ? new AppError('CONFLICT', 'errors.staleVersion')
        : new AppError('CONFLICT', 'errors.alreadyDecided')
    }
    if (input.note) {
      // The note reaches the butler in the thread, never the client.
      await tx.message.create({
        data: { requestId: request.id, authorId: actor.userId, visibility: 'INTERNAL', body: input.note },
      })
    }
    let alternativeId: string | undefined
    if (approve) {
      await tx.vendorTask.updateMany({
        where: { requestId: request.id, approval: 'PENDING' },
        data: { approval: 'APPROVED', status: 'REQUESTED', approvedById: actor.userId, version: { increment: 1 } },
      })
    } else {
      const offered = await recordAlternative(tx, actor, request, {
        version: request.version,
        description: input.alternative!,
      })
      alternativeId = offered.result.id
      await recordAuditEntry(tx, actor.userId, request.clientId, offered.audit)
      await tx.riskReview.update({ where: { id: input.reviewId }, data: { alternativeId } })
      const held = await tx.vendorTask.findMany({
        where: { requestId: request.id, approval: 'PENDING' },
        select: { id: true },
      })
      await tx.vendorTask.updateMany({
        where: { id: { in: held.map((t) => t.id) } },
        data: { approval: 'REJECTED', status: 'CANCELLED', approvedById: actor.userId, version: { increment: 1 } },
      })
      await tx.slaTimer.updateMany({
        where: { vendorTaskId: { in: held.map((t) => t.id) }, metAt: null, cancelledAt: null },
        data: { cancelledAt: new Date() },
      })
    }
    return {
      result: { decision: input.decision, alternativeId },
      audit: {
        action: approve ? 'risk.approved' : 'risk.declined',
        entity: 'RiskReview',
        entityId: input.reviewId,
        data: { requestId: request.id, withNote: Boolean(input.note), ...(alternativeId ? { alternativeId } : {}) },
      },
    }
  })
}
