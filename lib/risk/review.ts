import 'server-only'
import { newId } from '../db/ids'
import type { RawDb } from '../db/raw'
import type { Actor } from '../auth/roles'
import type { RiskRuleKind } from '../generated/prisma/enums'
import { recordAudit } from '../audit/record'
import { isMinor, matchRules, reasonKey, type RiskFacts, type RiskReason, type RiskRuleRow } from './rules'

// The three moments the risk desk looks at a request: when it is filed, when the client writes
// again, and when staff book spend with a vendor. Each runs inside the caller's transaction.

async function activeRules(tx: RawDb, kinds: RiskRuleKind[]): Promise<RiskRuleRow[]> {
  // Raw: every submission and client message reads the rules (no query compilation).
  return tx.$queryRaw<RiskRuleRow[]>`
    SELECT id, kind::text AS kind, label, category::text AS category, service, keywords,
           threshold::float8 AS threshold, currency, days
    FROM "RiskRule" WHERE active AND kind::text = ANY(${kinds}::text[])
    ORDER BY "createdAt", id`
}

// Adds the new reasons to the request's review and (re)opens it; unconfirmed vendor tasks go
// back to waiting for approval. Reasons already on the review change nothing.
async function flag(tx: RawDb, actorId: string, request: { id: string; clientId: string }, reasons: RiskReason[]) {
  if (reasons.length === 0) return
  await tx.$executeRaw`
    INSERT INTO "RiskReview" (id, "requestId") VALUES (${newId()}, ${request.id}) ON CONFLICT ("requestId") DO NOTHING`
  // Serialise concurrent hits on one request (a message and a vendor task at once).
  const [review] = await tx.$queryRaw<{ id: string; reasons: RiskReason[] }[]>`
    SELECT id, reasons FROM "RiskReview" WHERE "requestId" = ${request.id} FOR UPDATE`
  const known = new Set(review.reasons.map(reasonKey))
  const fresh = reasons.filter((r) => !known.has(reasonKey(r)))
  if (fresh.length === 0) return
  await tx.$executeRaw`
    UPDATE "RiskReview" SET status = 'PENDING', reasons = ${JSON.stringify([...review.reasons, ...fresh])}::jsonb,
      "decidedAt" = NULL, "decidedById" = NULL, version = version + 1
    WHERE id = ${review.id}`
  await tx.$executeRaw`
    UPDATE "VendorTask" SET status = 'PENDING_APPROVAL', approval = 'PENDING', version = version + 1
    WHERE "requestId" = ${request.id} AND status = 'REQUESTED'`
  await recordAudit(tx, actorId, 'risk.flagged', 'ServiceRequest', request.id, {
    clientId: request.clientId,
    data: { reviewId: review.id, reasons: fresh.map((r) => ({ ruleId: r.ruleId, kind: r.kind })) },
  })
}

type NewRequest = {
  id: string
  clientId: string
  category: string
  title: string
  description?: string
  details: unknown
}

export async function assessNewRequest(tx: RawDb, actor: Actor, request: NewRequest) {
  const rules = await activeRules(tx, ['CATEGORY', 'KEYWORD', 'DELEGATE', 'MINOR', 'NEW_CONTACT'])
  if (rules.length === 0) return
  const details = (request.details ?? {}) as { service?: string; travellers?: string[] }
  const [client] = await tx.$queryRaw<{ userId: string; family: { name: string; birthday: string | null }[] }[]>`
    SELECT c."userId", ARRAY(
      SELECT json_build_object('name', f.name, 'birthday', f.birthday) FROM "FamilyMember" f WHERE f."clientId" = c.id
    ) AS family
    FROM "Client" c WHERE c.id = ${request.clientId}`
  const now = new Date()
  const travellers = new Set((details.travellers ?? []).map((n) => n.trim()))
  const minorTravellers = client.family
    .filter((m) => m.birthday && travellers.has(m.name.trim()) && isMinor(new Date(m.birthday), now))
    .map((m) => m.name)
  const facts: RiskFacts = {
    category: request.category,
    service: details.service,
    texts: [request.title, request.description ?? ''],
    byDelegate: actor.userId !== client.userId,
    minorTravellers,
    channelContactAgeDays: await channelContactAgeDays(tx, actor, request.clientId, now),
  }
  await flag(tx, actor.userId, request, matchRules(rules, facts))
}

// A request written in WeChat arrives with the channel actor (lib/channels/actor.ts), whose
// session id names the channel: how long ago was that client's WeChat contact bound?
async function channelContactAgeDays(tx: RawDb, actor: Actor, clientId: string, now: Date) {
  if (!actor.sessionId.startsWith('channel:')) return undefined
  const [contact] = await tx.$queryRaw<{ boundAt: Date | null }[]>`
    SELECT "boundAt" FROM "ChannelContact" WHERE "clientId" = ${clientId} LIMIT 1`
  // Bound to nobody can not reach a request; no bind date counts as brand new.
  if (!contact?.boundAt) return 0
  return (now.getTime() - contact.boundAt.getTime()) / 86_400_000
}

export async function assessClientMessage(
  tx: RawDb,
  actor: Actor,
  message: { requestId: string; clientId: string; body: string },
) {
  const rules = await activeRules(tx, ['KEYWORD'])
  const reasons = matchRules(rules, { texts: [message.body] })
  await flag(tx, actor.userId, { id: message.requestId, clientId: message.clientId }, reasons)
}

// Spend above a rule's threshold flags the request; while its review is open every vendor
// task waits for a supervisor (true: create the task as PENDING_APPROVAL).
export async function riskHoldsSpend(
  tx: RawDb,
  actor: Actor,
  task: { requestId: string; clientId: string; cost: number | null; currency: string },
) {
  if (task.cost !== null) {
    const rules = await activeRules(tx, ['SPEND'])
    const reasons = matchRules(rules, { spend: { cost: task.cost, currency: task.currency } })
    await flag(tx, actor.userId, { id: task.requestId, clientId: task.clientId }, reasons)
  }
  const [{ open }] = await tx.$queryRaw<{ open: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "RiskReview" WHERE "requestId" = ${task.requestId} AND status = 'PENDING') AS open`
  return open
}
