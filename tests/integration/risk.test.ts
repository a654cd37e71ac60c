// The risk desk: admin rules flag sensitive requests; their vendor spend waits for a
// supervisor, who approves (with or without a note) or declines with an alternative.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import type { Actor } from '../../lib/auth/roles'
import { clientChannelActor } from '../../lib/channels/actor'
import { createRequest } from '../../lib/requests/lifecycle'
import { postClientMessage } from '../../lib/requests/conversation'
import { getRequestDetail } from '../../lib/requests/queries'
import { confirmVendorTask, createVendorTask } from '../../lib/vendors/service'
import { pendingApprovals } from '../../lib/vendors/queries'
import { decideRisk, openReviewFor, riskQueue, saveRiskRule } from '../../lib/risk/service'
import { ZRiskDecision, ZRiskRule, type TRiskRule } from '../../lib/risk/schemas'
import { createDefaultPolicies, createDelegate, createStaff, createVendors } from '../factories'
import { actorFor, teamWithClient } from './helpers'

let admin: Actor
let supervisor: Actor
let vendorId: string

const rule = async (r: Partial<TRiskRule> & Pick<TRiskRule, 'kind'>) =>
  saveRiskRule(admin, ZRiskRule.parse({ label: `${r.kind} rule`, active: 'on', ...r }))
const reviewOf = (requestId: string) => db.riskReview.findUnique({ where: { requestId } })
// A supervisor's decision on the review as they last saw it.
const decide = (review: { id: string; version: number }, decision: 'approve' | 'decline', more = {}) =>
  decideRisk(supervisor, { reviewId: review.id, version: review.version, decision, ...more })
const audits = (action: string, entityId?: string) =>
  db.auditEvent.findMany({ where: { action, ...(entityId ? { entityId } : {}) } })
const task = (actor: Actor, requestId: string, cost: number | null, currency = 'CNY') =>
  createVendorTask(actor, {
    requestId,
    vendorId,
    description: 'Car',
    cost,
    currency,
    dueAt: '2030-01-01T10:00',
  } as never)

describe('risk desk', () => {
  beforeAll(async () => {
    await createDefaultPolicies(db)
    vendorId = (await createVendors(db))[0].id
    admin = await actorFor((await createStaff(db, { role: 'ADMIN' })).id)
    supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id)
  })
  beforeEach(async () => {
    await db.riskRule.deleteMany()
  })
  afterAll(stopProducer)

  it('flags by category and by service, and keeps the 3-minute first response clock', async () => {
    await rule({ kind: 'CATEGORY', category: 'HEALTH' })
    await rule({ kind: 'CATEGORY', category: 'TRAVEL', service: 'AIRPORT_TRANSFER' })
    const team = await teamWithClient('Category')
    const health = await createRequest(team.clientActor, {
      category: 'HEALTH',
      title: 'Specialist',
      details: { hospital: 'Ruijin', department: 'Cardiology' },
    } as never)
    const transfer = await createRequest(team.clientActor, {
      category: 'TRAVEL',
      title: 'Pick-up',
      details: { service: 'AIRPORT_TRANSFER', flightNumber: 'MU588', passengers: 1 },
    } as never)
    const flight = await createRequest(team.clientActor, {
      category: 'TRAVEL',
      title: 'Flight',
      details: { service: 'FLIGHT', passengers: 1 },
    } as never)
    expect((await reviewOf(health.id))?.status).toBe('PENDING')
    expect((await reviewOf(transfer.id))?.reasons).toMatchObject([{ kind: 'CATEGORY', label: 'CATEGORY rule' }])
    expect(await reviewOf(flight.id)).toBeNull()
    const first = await db.slaTimer.findFirstOrThrow({ where: { requestId: health.id, kind: 'FIRST_RESPONSE' } })
    expect(first.dueAt.getTime() - first.startedAt.getTime()).toBe(180_000)
    expect(await audits('risk.flagged', health.id)).toHaveLength(1)
  })

  it('matches keywords in both languages, case-insensitively, in the title, description and later messages', async () => {
    await rule({ kind: 'KEYWORD', keywords: 'Bypass, 绕过, off the books' as never })
    const team = await teamWithClient('Keyword')
    const en = await createRequest(team.clientActor, {
      category: 'OTHER',
      title: 'Please BYPASS the check',
      details: {},
    })
    const zh = await createRequest(team.clientActor, {
      category: 'OTHER',
      title: '转账',
      description: '能否绕过银行的规定',
      details: {},
    })
    const calm = await createRequest(team.clientActor, { category: 'OTHER', title: 'Dinner for two', details: {} })
    expect((await reviewOf(en.id))?.reasons).toMatchObject([{ kind: 'KEYWORD', detail: 'Bypass' }])
    expect((await reviewOf(zh.id))?.reasons).toMatchObject([{ kind: 'KEYWORD', detail: '绕过' }])
    expect(await reviewOf(calm.id)).toBeNull()

    await postClientMessage(team.clientActor, { requestId: calm.id, body: 'Could we keep this Off The Books?' })
    expect((await reviewOf(calm.id))?.status).toBe('PENDING')
    // The same reason again adds nothing and writes no second flag.
    await postClientMessage(team.clientActor, { requestId: calm.id, body: 'off the books, please' })
    expect((await reviewOf(calm.id))?.reasons).toHaveLength(1)
    expect(await audits('risk.flagged', calm.id)).toHaveLength(1)
  })

  it('flags spend above a threshold in the task currency, and holds the task', async () => {
    await rule({ kind: 'SPEND', threshold: 50000, currency: 'CNY' })
    const team = await teamWithClient('Spend')
    await db.user.update({ where: { id: team.butler.id }, data: { authorityLimit: 1_000_000 } })
    const butler = await actorFor(team.butler.id)
    const r = await createRequest(team.clientActor, { category: 'OTHER', title: 'Yacht', details: {} })
    const small = await task(butler, r.id, 40000)
    expect(small.status).toBe('REQUESTED')
    expect(await reviewOf(r.id)).toBeNull()
    const big = await task(butler, r.id, 60000)
    expect(big.status).toBe('PENDING_APPROVAL')
    expect((await reviewOf(r.id))?.reasons).toMatchObject([{ kind: 'SPEND', detail: '60000 CNY' }])
    // The earlier, unconfirmed task waits too now that the request is on review.
    expect(await db.vendorTask.findUniqueOrThrow({ where: { id: small.id } })).toMatchObject({
      status: 'PENDING_APPROVAL',
      approval: 'PENDING',
    })
    // Another currency is another amount: a CNY rule says nothing about 60,000 HKD.
    const other = await createRequest(team.clientActor, { category: 'OTHER', title: 'Hotel', details: {} })
    await createVendorTask(await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id), {
      requestId: other.id,
      vendorId,
      description: 'Suite',
      cost: 60000,
      currency: 'HKD',
      dueAt: '2030-01-01T10:00',
    })
    expect(await reviewOf(other.id)).toBeNull()
  })

  it('flags a delegate filing a HEALTH request, or one for a minor; the client filing the same is not flagged', async () => {
    await rule({ kind: 'DELEGATE' })
    const team = await teamWithClient('Delegated')
    const delegate = await actorFor((await createDelegate(db, { clientId: team.client.clientId })).userId)
    await db.familyMember.create({
      data: { clientId: team.client.clientId, name: 'Lily', relation: 'daughter', birthday: yearsAgo(10) },
    })
    const health = { category: 'HEALTH', title: 'Check-up', details: { hospital: 'H', department: 'D' } } as never
    const byDelegate = await createRequest(delegate, health)
    const byClient = await createRequest(team.clientActor, health)
    const forMinor = await createRequest(delegate, travelWith(['Lily']))
    const plain = await createRequest(delegate, travelWith([]))
    expect((await reviewOf(byDelegate.id))?.reasons).toMatchObject([{ kind: 'DELEGATE' }])
    expect(await reviewOf(byClient.id)).toBeNull()
    expect((await reviewOf(forMinor.id))?.status).toBe('PENDING')
    expect(await reviewOf(plain.id)).toBeNull()
  })

  it('flags a minor among the travellers, whoever files it', async () => {
    await rule({ kind: 'MINOR' })
    const team = await teamWithClient('Minor')
    await db.familyMember.createMany({
      data: [
        { clientId: team.client.clientId, name: 'Tom', relation: 'son', birthday: yearsAgo(17) },
        { clientId: team.client.clientId, name: 'Ann', relation: 'daughter', birthday: yearsAgo(19) },
        { clientId: team.client.clientId, name: 'Wife', relation: 'wife' },
      ],
    })
    const minor = await createRequest(team.clientActor, travelWith(['Ann', 'Tom']))
    const adults = await createRequest(team.clientActor, travelWith(['Ann', 'Wife']))
    expect((await reviewOf(minor.id))?.reasons).toMatchObject([{ kind: 'MINOR', detail: 'Tom' }])
    expect(await reviewOf(adults.id)).toBeNull()
  })

  it('flags a request opened from a WeChat contact bound less than N days ago', async () => {
    await rule({ kind: 'NEW_CONTACT', days: 7 })
    const fresh = await teamWithClient('Fresh WeChat')
    const old = await teamWithClient('Old WeChat')
    const bound = (clientId: string, daysAgo: number) =>
      db.channelContact.create({
        data: {
          channel: 'WECOM',
          externalId: `wm-${clientId}`,
          accountRef: 'wk',
          clientId,
          boundAt: new Date(Date.now() - daysAgo * 86_400_000),
        },
      })
    await bound(fresh.client.clientId, 2)
    await bound(old.client.clientId, 30)
    const viaFresh = await createRequest((await clientChannelActor(fresh.client.clientId))!, {
      category: 'OTHER',
      title: 'From WeChat',
      details: {},
    })
    const viaOld = await createRequest((await clientChannelActor(old.client.clientId))!, {
      category: 'OTHER',
      title: 'From WeChat',
      details: {},
    })
    const viaPortal = await createRequest(fresh.clientActor, { category: 'OTHER', title: 'From portal', details: {} })
    expect((await reviewOf(viaFresh.id))?.reasons).toMatchObject([{ kind: 'NEW_CONTACT' }])
    expect(await reviewOf(viaOld.id)).toBeNull()
    expect(await reviewOf(viaPortal.id)).toBeNull()
  })

  it("holds a flagged request's vendor task until a supervisor approves, then releases it", async () => {
    await rule({ kind: 'KEYWORD', keywords: ['cash'] })
    const team = await teamWithClient('Held')
    const r = await createRequest(team.clientActor, { category: 'OTHER', title: 'Cash delivery', details: {} })
    const t = await task(team.butlerActor, r.id, 100)
    expect(t.status).toBe('PENDING_APPROVAL')
    await expect(
      confirmVendorTask(team.butlerActor, { taskId: t.id, version: 1, confirmationRef: 'X' }),
    ).rejects.toThrow('errors.awaitingApproval')
    // Staff see why; the client's own view says nothing of it.
    expect(await openReviewFor(team.butlerActor, r.id)).toMatchObject([{ kind: 'KEYWORD', detail: 'cash' }])
    expect(JSON.stringify(await getRequestDetail(team.clientActor, r.id))).not.toMatch(/review|reasons|KEYWORD rule/i)

    const review = (await reviewOf(r.id))!
    // Only supervisors decide: a butler and an admin are refused and nothing changes.
    for (const who of [team.butlerActor, admin, team.clientActor]) {
      await expect(
        decideRisk(who, { reviewId: review.id, version: review.version, decision: 'approve' }),
      ).rejects.toThrow('errors.forbidden')
    }
    expect((await reviewOf(r.id))?.status).toBe('PENDING')
    expect((await riskQueue(supervisor)).map((q) => q.request.id)).toContain(r.id)
    // Held spend is decided in the review queue, not in the authority-limit approvals list,
    // which still lists spend over a butler's limit on requests not under review.
    const calm = await createRequest(team.clientActor, { category: 'OTHER', title: 'Hotel', details: {} })
    const overLimit = await task(team.butlerActor, calm.id, 9000)
    expect(overLimit.status).toBe('PENDING_APPROVAL')
    const approvals = (await pendingApprovals(supervisor)).map((a) => a.id)
    expect(approvals).toContain(overLimit.id)
    expect(approvals).not.toContain(t.id)

    await decide(review, 'approve', { note: 'Known courier, fine' })
    const after = await db.vendorTask.findUniqueOrThrow({ where: { id: t.id } })
    expect(after).toMatchObject({ status: 'REQUESTED', approval: 'APPROVED', approvedById: supervisor.userId })
    await confirmVendorTask(team.butlerActor, { taskId: t.id, version: after.version, confirmationRef: 'OK-1' })
    expect(await db.message.findFirst({ where: { requestId: r.id, visibility: 'INTERNAL' } })).toMatchObject({
      body: 'Known courier, fine',
    })
    expect(await audits('risk.approved', review.id)).toMatchObject([
      { actorId: supervisor.userId, data: { requestId: r.id, withNote: true } },
    ])
    expect((await riskQueue(supervisor)).map((q) => q.request.id)).not.toContain(r.id)
    // Decided once: a second decision is a conflict.
    await expect(
      decideRisk(supervisor, { reviewId: review.id, version: review.version + 1, decision: 'approve' }),
    ).rejects.toThrow('errors.alreadyDecided')
  })

  it('declining records an alternative for the client and cancels the held spend', async () => {
    await rule({ kind: 'CATEGORY', category: 'LIVING' })
    const team = await teamWithClient('Declined')
    const r = await createRequest(team.clientActor, {
      category: 'LIVING',
      title: 'Party',
      details: { service: 'EVENT' },
    } as never)
    const t = await task(team.butlerActor, r.id, 100)
    const review = (await reviewOf(r.id))!
    expect(() => ZRiskDecision.parse({ reviewId: review.id, version: 1, decision: 'decline' })).toThrow()
    await decide(review, 'decline', { alternative: 'A private dining room at the club instead' })
    const alternative = await db.alternative.findFirstOrThrow({ where: { requestId: r.id } })
    expect(alternative).toMatchObject({ status: 'OFFERED', description: 'A private dining room at the club instead' })
    expect(await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: 'ALTERNATIVE_OFFERED',
    })
    expect(await db.vendorTask.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      status: 'CANCELLED',
      approval: 'REJECTED',
    })
    expect(await reviewOf(r.id)).toMatchObject({ status: 'DECLINED', alternativeId: alternative.id })
    expect(await audits('risk.declined', review.id)).toHaveLength(1)
    expect(await audits('request.alternative_offered', alternative.id)).toHaveLength(1)
  })

  it('a new reason reopens a decided review, and a decision on reasons not yet seen is refused', async () => {
    await rule({ kind: 'KEYWORD', keywords: ['gold', 'passport'] })
    const team = await teamWithClient('Reopen')
    const r = await createRequest(team.clientActor, { category: 'OTHER', title: 'Gold bars', details: {} })
    const seen = (await reviewOf(r.id))!
    await postClientMessage(team.clientActor, { requestId: r.id, body: 'and my passport' })
    await expect(decide(seen, 'approve')).rejects.toThrow('errors.staleVersion')
    const now = (await reviewOf(r.id))!
    await decide(now, 'approve')
    await postClientMessage(team.clientActor, { requestId: r.id, body: 'gold again' })
    expect((await reviewOf(r.id))?.status).toBe('APPROVED')
    await postClientMessage(team.clientActor, { requestId: r.id, body: 'GOLD and PASSPORT' })
    expect((await reviewOf(r.id))?.status).toBe('APPROVED')
    await rule({ kind: 'KEYWORD', keywords: ['visa'] })
    await postClientMessage(team.clientActor, { requestId: r.id, body: 'a visa too' })
    expect((await reviewOf(r.id))?.status).toBe('PENDING')
  })

  it('rules are validated, audited, editable and deactivated by admins only', async () => {
    expect(ZRiskRule.safeParse({ kind: 'KEYWORD', label: 'x', keywords: ' , ' }).success).toBe(false)
    expect(ZRiskRule.safeParse({ kind: 'SPEND', label: 'x', threshold: '100' }).success).toBe(false)
    expect(ZRiskRule.safeParse({ kind: 'CATEGORY', label: 'x', category: 'HEALTH', service: 'FLIGHT' }).success).toBe(
      false,
    )
    expect(ZRiskRule.safeParse({ kind: 'NEW_CONTACT', label: 'x' }).success).toBe(false)
    await expect(saveRiskRule(supervisor, ZRiskRule.parse({ kind: 'MINOR', label: 'x' }))).rejects.toThrow(
      'errors.forbidden',
    )
    const { id } = await rule({ kind: 'KEYWORD', keywords: ['jet'] as never })
    expect(await audits('risk.rule_created', id)).toHaveLength(1)
    const team = await teamWithClient('Rules')
    const before = await createRequest(team.clientActor, { category: 'OTHER', title: 'Jet', details: {} })
    expect(await reviewOf(before.id)).not.toBeNull()
    await saveRiskRule(admin, ZRiskRule.parse({ id, version: 1, kind: 'KEYWORD', label: 'Jets', keywords: 'jet' }))
    expect(await audits('risk.rule_updated', id)).toHaveLength(1)
    const stored = await db.riskRule.findUniqueOrThrow({ where: { id } })
    expect(stored).toMatchObject({ active: false, label: 'Jets', keywords: ['jet'] })
    const after = await createRequest(team.clientActor, { category: 'OTHER', title: 'Jet', details: {} })
    expect(await reviewOf(after.id)).toBeNull()
    // An edit on a stale screen is refused.
    await expect(
      saveRiskRule(admin, ZRiskRule.parse({ id, version: 1, kind: 'KEYWORD', label: 'x', keywords: 'y' })),
    ).rejects.toThrow('errors.staleVersion')
  })
})

function yearsAgo(n: number) {
  const d = new Date()
  return new Date(Date.UTC(d.getUTCFullYear() - n, d.getUTCMonth(), d.getUTCDate()))
}

function travelWith(travellers: string[]) {
  return {
    category: 'TRAVEL',
    title: 'Trip to London',
    details: { service: 'FLIGHT', passengers: Math.max(1, travellers.length), travellers },
  } as never
}
