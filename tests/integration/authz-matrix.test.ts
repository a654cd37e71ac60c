// The authorization matrix: every server action in the code, called as nine kinds of user
// against client A's data. Each cell is allow or deny; a denied call must also write nothing.
// A new action without a row here fails the first test.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

let currentSid: string | null = null
vi.mock('../../lib/next/auth', () => ({ signIn: vi.fn(), signOut: vi.fn() }))
vi.mock('../../lib/next/session-cookie', () => ({ currentSessionId: async () => currentSid }))
vi.mock('next-intl/server', () => ({
  getTranslations: async () => (key: string) => `errors.${key.replace(/^errors\./, '')}`,
}))
vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}))
vi.mock('next-auth', () => ({
  AuthError: class AuthError extends Error {},
  CredentialsSignin: class CredentialsSignin extends Error {},
}))

import { db } from '../../lib/db'
import { rolesFor, type Ability } from '../../lib/auth/policy'
import type { Role } from '../../lib/generated/prisma/enums'
import { stopProducer } from '../../lib/jobs/boss'
import { createSession } from '../../lib/auth/sessions'
import { createRequest, changeStatus } from '../../lib/requests/lifecycle'
import { offerAlternative } from '../../lib/requests/alternatives'
import {
  createClient,
  createDelegate,
  createDefaultPolicies,
  createProcessConfig,
  createStaff,
  createVendors,
} from '../factories'
import { actorFor } from './helpers'

const PERSONAS = [
  'anon',
  'client',
  'otherClient',
  'delegate',
  'otherDelegate',
  'butler',
  'otherButler',
  'supervisor',
  'admin',
] as const
type Persona = (typeof PERSONAS)[number]
type Fx = Record<string, string>

const PUBLIC = 'public' as const
const ROLE_OF: Record<Persona, Role | null> = {
  anon: null,
  client: 'CLIENT',
  otherClient: 'CLIENT',
  delegate: 'DELEGATE',
  otherDelegate: 'DELEGATE',
  butler: 'BUTLER',
  otherButler: 'BUTLER',
  supervisor: 'SUPERVISOR',
  admin: 'ADMIN',
}
// The personas whose data the calls target, or who serve it; the "other" ones hold the same roles elsewhere.
const ON_CLIENT_A = new Set<Persona>(['client', 'delegate', 'butler', 'supervisor'])

// Expectations come from the permissions module's own names: whoever holds the ability (and,
// for calls on client A's data, serves or owns it) is allowed; everyone else is refused.
function who(ability: Ability, o: { onClientA?: boolean } = {}): Persona[] {
  return PERSONAS.filter((p) => {
    const role = ROLE_OF[p]
    return role !== null && rolesFor(ability).includes(role) && (!o.onClientA || ON_CLIENT_A.has(p))
  })
}
const A = { onClientA: true }
// A real image (1 x 1 PNG), so an allowed photo upload gets past the file checks.
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
const photo = () => new File([Buffer.from(PNG_1PX, 'base64')], 'me.png', { type: 'image/png' })

// action -> who may act on client A's data, and the input that targets it.
const MATRIX: Record<string, { allow: Persona[] | typeof PUBLIC; input: (fx: Fx) => Record<string, unknown> }> = {
  createRequestAction: {
    allow: who('portal.use', A),
    input: (fx) => ({ clientId: fx.clientA, category: 'OTHER', title: 'Matrix', details: {} }),
  },
  clientMessageAction: { allow: who('portal.use', A), input: (fx) => ({ requestId: fx.request, body: 'hello' }) },
  decideAlternativeAction: {
    allow: who('portal.use', A),
    input: (fx) => ({ alternativeId: fx.alternative, accept: false }),
  },
  rateRequestAction: { allow: who('portal.use', A), input: (fx) => ({ requestId: fx.finished, score: 5 }) },
  markThreadReadAction: { allow: who('thread.read', A), input: (fx) => ({ requestId: fx.request }) },
  updateSettingsAction: { allow: who('portal.use'), input: () => ({ language: 'zh_CN', timeZone: 'Asia/Shanghai' }) },
  savePreferenceAction: {
    allow: who('profile.manage', A),
    input: (fx) => ({ id: fx.preference, topic: 'Diet', value: 'No shellfish' }),
  },
  deletePreferenceAction: { allow: who('profile.manage', A), input: (fx) => ({ id: fx.preference2 }) },
  saveFamilyMemberAction: {
    allow: who('profile.manage', A),
    input: (fx) => ({ id: fx.family, name: 'Wife', relation: 'wife' }),
  },
  deleteFamilyMemberAction: { allow: who('profile.manage', A), input: (fx) => ({ id: fx.family2 }) },
  saveKeyDateAction: {
    allow: who('profile.manage', A),
    input: (fx) => ({ id: fx.keyDate, kind: 'BIRTHDAY', label: 'Birthday', date: '1980-05-01', recurring: true }),
  },
  deleteKeyDateAction: { allow: who('profile.manage', A), input: (fx) => ({ id: fx.keyDate2 }) },
  inviteDelegateAction: {
    allow: who('profile.manage'),
    input: () => ({ email: `invitee-${Math.random().toString(36).slice(2)}@x.test`, relation: 'assistant' }),
  },
  revokeDelegateAction: { allow: who('profile.manage', A), input: (fx) => ({ id: fx.delegateRow }) },
  uploadAttachmentAction: {
    allow: who('attachment.upload', A),
    input: (fx) => ({ requestId: fx.request, file: new File([Buffer.from('%PDF-1.7 x')], 'a.pdf') }),
  },
  replyAction: {
    allow: who('request.serve', A),
    input: (fx) => ({ requestId: fx.request, body: 'On it', internal: false }),
  },
  changeStatusAction: {
    allow: who('request.serve', A),
    input: (fx) => ({ requestId: fx.request, status: 'IN_PROGRESS', version: 1 }),
  },
  offerAlternativeAction: {
    allow: who('request.serve', A),
    input: (fx) => ({ requestId: fx.request, version: 1, description: 'Another date' }),
  },
  takeRequestAction: { allow: who('request.take', A), input: (fx) => ({ requestId: fx.request, version: 1 }) },
  transferRequestAction: {
    allow: who('request.serve', A),
    input: (fx) => ({ requestId: fx.request, version: 1, toButlerId: fx.butler, reason: 'cover' }),
  },
  createVendorTaskAction: {
    allow: who('request.serve', A),
    input: (fx) => ({
      requestId: fx.request,
      vendorId: fx.vendor,
      description: 'Car',
      cost: '100',
      currency: 'CNY',
      dueAt: '2030-01-01T10:00',
    }),
  },
  confirmVendorTaskAction: {
    allow: who('request.serve', A),
    input: (fx) => ({ taskId: fx.vendorTask, version: 1, confirmationRef: 'REF' }),
  },
  createHandoffAction: {
    allow: who('request.serve', A),
    input: (fx) => ({ requestId: fx.request, team: 'Visa', need: 'Check', dueAt: '2030-01-01T10:00' }),
  },
  closeHandoffAction: { allow: who('request.serve', A), input: (fx) => ({ handoffId: fx.handoff }) },
  tickChecklistStepAction: {
    allow: who('request.serve', A),
    input: (fx) => ({ requestId: fx.request, stepId: fx.step, done: true }),
  },
  addClientNoteAction: {
    allow: who('request.serve', A),
    input: (fx) => ({ clientId: fx.clientA, body: 'note', pinned: false }),
  },
  setNotePinnedAction: { allow: who('request.serve', A), input: (fx) => ({ noteId: fx.note, pinned: true }) },
  revealPiiAction: { allow: who('request.serve', A), input: (fx) => ({ clientId: fx.clientA, field: 'phone' }) },
  recordOutreachAction: {
    allow: who('request.serve', A),
    input: (fx) => ({ careTaskId: fx.care, outreach: 'Sent flowers' }),
  },
  careToRequestAction: { allow: who('request.serve', A), input: (fx) => ({ careTaskId: fx.care2, title: 'Dinner' }) },
  setOnDutyAction: { allow: who('request.serve'), input: () => ({ onDuty: true }) },
  decideApprovalAction: {
    allow: who('team.lead'),
    input: (fx) => ({ taskId: fx.pendingTask, version: 1, approve: true }),
  },
  addShiftAction: {
    allow: who('team.lead'),
    input: (fx) => ({ butlerId: fx.butler, day: '2030-01-07', startHour: 8, hours: 8, isBackup: false }),
  },
  deleteShiftAction: { allow: who('team.lead'), input: (fx) => ({ shiftId: fx.shift }) },
  assignClientAction: {
    allow: who('team.lead'),
    input: (fx) => ({ clientId: fx.clientA, dedicatedButlerId: fx.butler, backupButlerId: '' }),
  },
  bulkReassignAction: {
    allow: who('team.lead'),
    input: (fx) => ({ fromButlerId: fx.leaver, toButlerId: fx.butler, scope: 'both' }),
  },
  setAuthorityLimitAction: { allow: who('team.lead'), input: (fx) => ({ butlerId: fx.butler, limit: 6000 }) },
  scoreReviewAction: {
    allow: who('team.lead'),
    input: (fx) => ({ reviewId: fx.review, timeliness: 5, courtesy: 5, accuracy: 5, completeness: 5, proactivity: 5 }),
  },
  sampleNowAction: { allow: who('team.lead'), input: () => ({}) },
  savePolicyAction: {
    allow: who('system.configure'),
    input: () => ({ kind: 'RESOLUTION', category: 'EDUCATION', targetSeconds: '3600' }),
  },
  deactivatePolicyAction: { allow: who('system.configure'), input: (fx) => ({ id: fx.policy, version: 1 }) },
  saveVendorAction: {
    allow: who('system.configure'),
    input: () => ({ name: 'Matrix Cars', kind: 'car', active: 'on' }),
  },
  saveChecklistStepAction: {
    allow: who('system.configure'),
    input: () => ({ category: 'OTHER', position: 5, labelZh: '步骤', labelEn: 'Step', active: 'on' }),
  },
  saveCannedReplyAction: {
    allow: who('system.configure'),
    input: () => ({ category: 'OTHER', locale: 'en', title: 'Hi', body: 'Hello' }),
  },
  saveCategoryLabelsAction: {
    allow: who('system.configure'),
    input: () => ({ category: 'OTHER', nameZh: '其他', nameEn: 'Other' }),
  },
  inviteStaffAction: {
    allow: who('system.configure'),
    input: () => ({ email: `staff-${Math.random().toString(36).slice(2)}@x.test`, name: 'New', role: 'BUTLER' }),
  },
  changeRoleAction: { allow: who('system.configure'), input: (fx) => ({ userId: fx.victim, role: 'BUTLER' }) },
  setDisabledAction: { allow: who('system.configure'), input: (fx) => ({ userId: fx.victim, disabled: false }) },
  // Everyone signed in may change their own password; a wrong current password changes nothing.
  changePasswordAction: {
    allow: who('account.use'),
    input: () => ({ current: 'not the password', next: 'a brand new passphrase' }),
  },
  // Staff set up their own authenticator; a code from no authenticator changes nothing.
  beginSecondFactorAction: { allow: who('secondFactor.use'), input: () => ({}) },
  confirmSecondFactorAction: { allow: who('secondFactor.use'), input: () => ({ code: '000000' }) },
  renewRecoveryCodesAction: { allow: who('secondFactor.use'), input: () => ({ code: '000000' }) },
  resetSecondFactorAction: { allow: who('system.configure'), input: (fx) => ({ userId: fx.victim }) },
  // WeChat: a client asks for their own binding code; staff bind a waiting WeChat user to a
  // client they serve; admins set the WeCom account up.
  createBindingCodeAction: { allow: who('profile.manage'), input: () => ({}) },
  bindChannelContactAction: {
    allow: who('request.serve', A),
    input: (fx) => ({ contactId: fx.wechatContact, clientId: fx.clientA }),
  },
  saveWecomSettingsAction: {
    allow: who('system.configure'),
    input: () => ({
      apiBase: 'http://127.0.0.1:9',
      corpId: 'wwmatrix',
      openKfId: 'wkmatrix',
      secret: 'matrix-secret',
      token: 'MatrixToken1',
      aesKey: 'a'.repeat(43),
    }),
  },
  // The risk desk: admins keep the rules, supervisors decide on flagged requests.
  saveRiskRuleAction: {
    allow: who('system.configure'),
    input: () => ({ kind: 'KEYWORD', label: 'Matrix', keywords: 'matrix', active: 'on' }),
  },
  decideRiskAction: {
    allow: who('team.lead'),
    input: (fx) => ({ reviewId: fx.riskReview, version: 1, decision: 'approve' }),
  },
  // Erasure needs the client's name typed out: the wrong one here, so an allowed call erases nothing.
  eraseClientAction: {
    allow: who('privacy.erase'),
    input: (fx) => ({ clientId: fx.clientA, confirmation: 'not the name' }),
  },
  // Push notifications: everyone signed in turns them on for their own browser and removes their
  // own devices (another's device id removes nothing); admins set the team's 24x7 contact.
  subscribePushAction: {
    allow: who('account.use'),
    input: () => ({
      endpoint: 'https://push.example.test/matrix',
      keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) },
      deviceName: 'Matrix phone',
    }),
  },
  removePushDeviceAction: { allow: who('account.use'), input: (fx) => ({ id: fx.pushDevice }) },
  saveTeamContactAction: {
    allow: who('system.configure'),
    input: () => ({ phone: '+86 400 800 8888', wecomUrl: 'https://work.weixin.qq.com/kfid/kfcmatrix' }),
  },
  // Staff put a face to their own name; an administrator to anyone's on the team.
  setMyPhotoAction: { allow: who('photo.own'), input: () => ({ photo: photo() }) },
  removeMyPhotoAction: { allow: who('photo.own'), input: () => ({}) },
  setStaffPhotoAction: { allow: who('system.configure'), input: (fx) => ({ userId: fx.victim, photo: photo() }) },
  removeStaffPhotoAction: { allow: who('system.configure'), input: (fx) => ({ userId: fx.victim }) },
  acceptInvitationAction: {
    allow: PUBLIC,
    input: () => ({ token: 'x'.repeat(32), name: 'X', password: 'long enough password' }),
  },
  acceptStaffInviteAction: {
    allow: PUBLIC,
    input: () => ({ token: 'x'.repeat(32), password: 'long enough password' }),
  },
}

// Actions deliberately outside the wrapper: sign-in, sign-out and language are for everyone.
const OUTSIDE_MATRIX = ['loginAction', 'signOutAction', 'setLocaleAction']

const DENIED = [
  'errors.sessionEnded',
  'errors.forbidden',
  'errors.notFound',
  'errors.clientNotFound',
  'errors.invitationInvalid',
]

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'generated' ? [] : actionFiles(p)
    return /\.tsx?$/.test(e.name) && readFileSync(p, 'utf8').startsWith("'use server'") ? [p] : []
  })
}

const writes = async () => {
  const [a, o, p] = await Promise.all([db.auditEvent.count(), db.outbox.count(), db.pushDelivery.count()])
  return a + o + p
}

describe('authorization matrix', () => {
  const actions = new Map<string, (input: unknown) => Promise<{ ok: boolean; message?: string }>>()
  const sids = {} as Record<Persona, string | null>
  const fx: Fx = {}

  beforeAll(async () => {
    for (const file of [...actionFiles('lib'), ...actionFiles('app')]) {
      const mod = await import(path.resolve(file))
      for (const [name, fn] of Object.entries(mod)) if (typeof fn === 'function') actions.set(name, fn as never)
    }
    await createDefaultPolicies(db)
    await createProcessConfig(db)
    const [vendor] = await createVendors(db)
    const butler = await createStaff(db, { name: 'Serving' })
    const otherButler = await createStaff(db, { name: 'Not serving' })
    const supervisor = await createStaff(db, { role: 'SUPERVISOR' })
    const admin = await createStaff(db, { role: 'ADMIN' })
    const leaver = await createStaff(db, { name: 'Leaver' })
    const victim = await createStaff(db, { name: 'Victim' })
    const a = await createClient(db, { name: 'A', dedicatedButlerId: butler.id, phone: '+86 139 0000 0000' })
    const b = await createClient(db, { name: 'B', dedicatedButlerId: otherButler.id })
    const delegate = await createDelegate(db, { clientId: a.clientId })
    const otherDelegate = await createDelegate(db, { clientId: b.clientId })
    const aActor = await actorFor(a.userId)
    const butlerActor = await actorFor(butler.id)

    const request = await createRequest(aActor, { category: 'OTHER', title: 'A request', details: {} })
    const altRequest = await createRequest(aActor, { category: 'OTHER', title: 'A alt', details: {} })
    const alternative = await offerAlternative(butlerActor, {
      requestId: altRequest.id,
      version: 1,
      description: 'Other date',
    })
    const finished = await createRequest(aActor, { category: 'OTHER', title: 'A done', details: {} })
    await changeStatus(butlerActor, { requestId: finished.id, status: 'FULFILLED', version: 1 })
    const task = await db.vendorTask.create({
      data: { requestId: request.id, vendorId: vendor.id, description: 't', status: 'REQUESTED' },
    })
    const pendingTask = await db.vendorTask.create({
      data: {
        requestId: request.id,
        vendorId: vendor.id,
        description: 'p',
        status: 'PENDING_APPROVAL',
        approval: 'PENDING',
        cost: 9000,
      },
    })
    const handoff = await db.handoff.create({
      data: { requestId: request.id, team: 'Visa', need: 'x', dueAt: new Date('2030-01-01'), ownerId: butler.id },
    })
    const step = await db.checklistStep.findFirstOrThrow({ where: { category: 'OTHER' } })
    const note = await db.clientNote.create({ data: { clientId: a.clientId, authorId: butler.id, body: 'n' } })
    const pref = await db.preference.create({ data: { clientId: a.clientId, topic: 't', value: 'v' } })
    const pref2 = await db.preference.create({ data: { clientId: a.clientId, topic: 't2', value: 'v2' } })
    const family = await db.familyMember.create({ data: { clientId: a.clientId, name: 'F', relation: 'r' } })
    const family2 = await db.familyMember.create({ data: { clientId: a.clientId, name: 'F2', relation: 'r' } })
    const keyDate = await db.keyDate.create({
      data: { clientId: a.clientId, kind: 'BIRTHDAY', label: 'b', date: new Date('1980-01-01') },
    })
    const keyDate2 = await db.keyDate.create({
      data: { clientId: a.clientId, kind: 'BIRTHDAY', label: 'b2', date: new Date('1980-02-01') },
    })
    // A second, invited delegate to revoke, so the delegate persona stays active throughout.
    const delegateRow = await db.delegate.create({
      data: { clientId: a.clientId, email: 'second@x.test', relation: 'assistant' },
    })
    const care = await db.careTask.create({
      data: { clientId: a.clientId, keyDateId: keyDate.id, occursOn: new Date('2030-01-01'), summary: 'c' },
    })
    const care2 = await db.careTask.create({
      data: { clientId: a.clientId, keyDateId: keyDate.id, occursOn: new Date('2030-01-02'), summary: 'c2' },
    })
    const shift = await db.shift.create({
      data: { butlerId: butler.id, startsAt: new Date('2030-01-01T00:00Z'), endsAt: new Date('2030-01-01T08:00Z') },
    })
    const review = await db.qaReview.create({
      data: { requestId: finished.id, butlerId: butler.id, weekStart: new Date('2030-01-06') },
    })
    const policy = await db.slaPolicy.findFirstOrThrow({ where: { kind: 'RESOLUTION', category: 'TRAVEL' } })
    const riskRequest = await createRequest(aActor, { category: 'OTHER', title: 'A on review', details: {} })
    const riskReview = await db.riskReview.create({ data: { requestId: riskRequest.id } })
    const pushDevice = await db.pushSubscription.create({
      data: {
        userId: a.userId,
        endpoint: 'https://push.example.test/client-a',
        p256dh: 'C'.repeat(87),
        auth: 'c'.repeat(22),
        deviceName: 'A phone',
      },
    })
    const wechatContact = await db.channelContact.create({
      data: { channel: 'WECOM', externalId: 'wm-matrix', accountRef: 'wkmatrix' },
    })
    Object.assign(fx, {
      clientA: a.clientId,
      request: request.id,
      alternative: alternative.id,
      finished: finished.id,
      vendor: vendor.id,
      vendorTask: task.id,
      pendingTask: pendingTask.id,
      handoff: handoff.id,
      step: step.id,
      note: note.id,
      preference: pref.id,
      preference2: pref2.id,
      family: family.id,
      family2: family2.id,
      keyDate: keyDate.id,
      keyDate2: keyDate2.id,
      delegateRow: delegateRow.id,
      care: care.id,
      care2: care2.id,
      shift: shift.id,
      review: review.id,
      policy: policy.id,
      butler: butler.id,
      leaver: leaver.id,
      victim: victim.id,
      wechatContact: wechatContact.id,
      riskReview: riskReview.id,
      pushDevice: pushDevice.id,
    })
    const users: Record<Exclude<Persona, 'anon'>, string> = {
      client: a.userId,
      otherClient: b.userId,
      delegate: delegate.userId,
      otherDelegate: otherDelegate.userId,
      butler: butler.id,
      otherButler: otherButler.id,
      supervisor: supervisor.id,
      admin: admin.id,
    }
    sids.anon = null
    for (const [p, id] of Object.entries(users)) sids[p as Persona] = await createSession(id)
  })
  afterAll(stopProducer)

  it('lists every server action in the code', () => {
    const exported = [...actions.keys()].filter((n) => n.endsWith('Action'))
    const missing = exported.filter((n) => !(n in MATRIX) && !OUTSIDE_MATRIX.includes(n))
    const stale = Object.keys(MATRIX).filter((n) => !actions.has(n))
    expect(missing).toEqual([])
    expect(stale).toEqual([])
  })

  for (const [name, row] of Object.entries(MATRIX)) {
    it(`${name}: ${row.allow === PUBLIC ? 'public, token-protected' : `allow ${row.allow.join(', ')}`}; everyone else denied with no write`, async () => {
      // Denied personas first, so a state change by an allowed call cannot mask a leak.
      const order = [...PERSONAS].sort(
        (x, y) =>
          Number(row.allow !== PUBLIC && row.allow.includes(x)) - Number(row.allow !== PUBLIC && row.allow.includes(y)),
      )
      for (const persona of order) {
        currentSid = sids[persona]
        const before = await writes()
        const result = await actions.get(name)!(row.input(fx))
        const allowed = row.allow !== PUBLIC && row.allow.includes(persona)
        if (allowed) {
          // Passing authorization: success, or a business answer (conflict, validation), never a refusal.
          expect(result.ok || !DENIED.includes(result.message ?? ''), `${name} as ${persona}: ${result.message}`).toBe(
            true,
          )
        } else {
          expect(result.ok, `${name} as ${persona} should be denied`).toBe(false)
          expect(DENIED, `${name} as ${persona}: ${result.message}`).toContain(result.message)
          expect(await writes(), `${name} as ${persona} wrote something`).toBe(before)
        }
      }
      currentSid = null
    })
  }

  // A supervisor or admin who has not set up an authenticator may do nothing but set one up.
  it('holds staff who must use a second factor to setting it up, with no write anywhere else', async () => {
    const ENROLLING = ['beginSecondFactorAction', 'confirmSecondFactorAction']
    for (const role of ['SUPERVISOR', 'ADMIN'] as const) {
      const user = await createStaff(db, { role, totpSecret: null })
      currentSid = await createSession(user.id)
      for (const [name, row] of Object.entries(MATRIX)) {
        if (row.allow === PUBLIC || ENROLLING.includes(name)) continue
        const before = await writes()
        const result = await actions.get(name)!(row.input(fx))
        const wouldBeAllowed = row.allow.includes(role === 'ADMIN' ? 'admin' : 'supervisor')
        expect(result, `${name} as ${role} without a second factor`).toMatchObject({
          ok: false,
          message: wouldBeAllowed ? 'errors.secondFactorSetupFirst' : 'errors.forbidden',
        })
        expect(await writes(), `${name} as ${role} wrote something`).toBe(before)
      }
      const events = await import(path.resolve('app/api/events/route.ts'))
      expect((await events.GET(new Request('http://local/api/events'))).status).toBe(403)
      expect(await actions.get('beginSecondFactorAction')!({})).toMatchObject({ ok: true })
    }
    currentSid = null
  })

  // Route handlers: every one in app/api is listed; each answers by role and ownership.
  it('guards every route handler', async () => {
    const routes = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === 'route.ts' ? [path.join(dir, e.name)] : [],
      )
    })('app/api').map((f) => f.replace(/\\/g, '/'))
    const ROUTES: Record<
      string,
      {
        allow: Persona[] | typeof PUBLIC
        url: (fx: Fx) => string
        params?: (fx: Fx) => Record<string, string>
        method?: 'POST'
      }
    > = {
      'app/api/health/route.ts': { allow: PUBLIC, url: () => '/api/health' },
      'app/api/health/live/route.ts': { allow: PUBLIC, url: () => '/api/health/live' },
      'app/api/auth/[...nextauth]/route.ts': { allow: PUBLIC, url: () => '/api/auth/session' },
      'app/api/events/route.ts': { allow: who('account.use'), url: () => '/api/events' },
      'app/api/attachments/[id]/route.ts': {
        allow: who('account.use', A),
        url: (fx) => `/api/attachments/${fx.attachment}`,
        params: (fx) => ({ id: fx.attachment }),
      },
      // What live views re-read when an event names a request or a message: the request scope.
      'app/api/requests/[id]/summary/route.ts': {
        allow: who('account.use', A),
        url: (fx) => `/api/requests/${fx.request}/summary`,
        params: (fx) => ({ id: fx.request }),
      },
      'app/api/messages/[id]/route.ts': {
        allow: who('account.use', A),
        url: (fx) => `/api/messages/${fx.message}`,
        params: (fx) => ({ id: fx.message }),
      },
      'app/api/export/requests/route.ts': { allow: who('team.lead'), url: () => '/api/export/requests' },
      'app/api/export/kpi/route.ts': { allow: who('team.lead'), url: () => '/api/export/kpi' },
      'app/api/export/audit/route.ts': { allow: who('audit.read'), url: () => '/api/export/audit' },
      // The signed-in client's own data (each client gets their own); delegates and staff are refused.
      'app/api/portal/export/route.ts': { allow: who('profile.manage'), url: () => '/api/portal/export' },
      // WeCom's callback: public by design, every call authenticated by WeCom's signature (tests/integration/wecom.test.ts).
      'app/api/channels/wecom/route.ts': { allow: PUBLIC, url: () => '/api/channels/wecom' },
      // Client A's butler's face: A's own people and every colleague; B's get a 404.
      'app/api/staff/[id]/photo/route.ts': {
        allow: [...who('account.use', A), 'otherButler', 'admin'],
        url: (fx) => `/api/staff/${fx.butler}/photo`,
        params: (fx) => ({ id: fx.butler }),
      },
      // The console's presence heartbeat: staff who serve requests only.
      'app/api/presence/route.ts': { allow: who('request.serve'), url: () => '/api/presence', method: 'POST' },
    }
    expect(routes.filter((r) => !(r in ROUTES))).toEqual([])
    const { uploadAttachment } = await import('../../lib/attachments/service')
    const { setStaffPhoto } = await import('../../lib/staff/photo')
    await setStaffPhoto(await actorFor(fx.butler), fx.butler, photo())
    const aClient = await db.client.findUniqueOrThrow({ where: { id: fx.clientA }, select: { userId: true } })
    fx.attachment = (
      await uploadAttachment(await actorFor(aClient.userId), fx.request, new File([Buffer.from('%PDF-1.7 x')], 'p.pdf'))
    ).id
    fx.message = (
      await db.message.create({
        data: { requestId: fx.request, authorId: aClient.userId, visibility: 'CLIENT', body: 'Matrix' },
        select: { id: true },
      })
    ).id
    for (const [file, row] of Object.entries(ROUTES)) {
      if (row.allow === PUBLIC) continue // public by design: health, and Auth.js's own endpoints
      const mod = await import(path.resolve(file))
      for (const persona of PERSONAS) {
        currentSid = sids[persona]
        const method = row.method ?? 'GET'
        const res: Response = await mod[method](new Request(`http://local${row.url(fx)}`, { method }), {
          params: Promise.resolve(row.params?.(fx) ?? {}),
        })
        const allowed = row.allow.includes(persona)
        expect(res.status < 400, `${file} as ${persona}: ${res.status}`).toBe(allowed)
        await res.body?.cancel().catch(() => {})
      }
    }
    currentSid = null
  })

  it('ignores or refuses fields a role may not set', async () => {
    currentSid = sids.client
    const create = await actions.get('createRequestAction')!({
      category: 'OTHER',
      title: 'Smuggled fields',
      details: {},
      status: 'CLOSED',
      assigneeId: fx.leaver,
      createdById: fx.butler,
      version: 99,
      offerStage: 'ALL',
    })
    expect(create.ok).toBe(true)
    const row = await db.serviceRequest.findFirstOrThrow({ where: { title: 'Smuggled fields' } })
    expect(row).toMatchObject({ status: 'NEW', assigneeId: fx.butler, version: 1, offerStage: null })
    expect(row.createdById).not.toBe(fx.butler)
    // Another client's id is refused outright.
    const otherClient = await db.client.findFirstOrThrow({ where: { displayName: 'B' } })
    const foreign = await actions.get('createRequestAction')!({
      category: 'OTHER',
      title: 'For B',
      details: {},
      clientId: otherClient.id,
    })
    expect(foreign).toMatchObject({ ok: false, message: 'errors.forbidden' })
    // A client's message cannot make itself an internal note, nor meet a clock.
    await actions.get('clientMessageAction')!({
      requestId: row.id,
      body: 'Is this internal?',
      internal: true,
      visibility: 'INTERNAL',
    })
    const message = await db.message.findFirstOrThrow({ where: { body: 'Is this internal?' } })
    expect(message.visibility).toBe('CLIENT')
    expect(await db.slaTimer.count({ where: { requestId: row.id, metAt: { not: null } } })).toBe(0)
    currentSid = null
  })

  // Malformed input at every action, as a user the action is meant for: never a crash or a
  // generic failure (the 500 of a server action), and a refused call writes nothing.
  it('survives 10,000+ generated malformed inputs across all actions', async () => {
    const names = Object.keys(MATRIX)
    const perAction = Math.ceil(10_000 / names.length)
    const malformed = fc.oneof(
      fc.anything(),
      fc.dictionary(
        fc.constantFrom(
          'requestId',
          'id',
          'clientId',
          'title',
          'body',
          'category',
          'details',
          'version',
          'score',
          'file',
          'email',
          'token',
          'status',
          'kind',
        ),
        fc.anything(),
      ),
      fc.record(
        { requestId: fc.string(), body: fc.string({ maxLength: 5000 }), version: fc.oneof(fc.integer(), fc.string()) },
        { requiredKeys: [] },
      ),
    )
    let runs = 0
    for (const name of names) {
      const row = MATRIX[name]
      const persona: Persona = row.allow === PUBLIC ? 'anon' : row.allow[0]
      currentSid = sids[persona]
      await fc.assert(
        fc.asyncProperty(malformed, async (input) => {
          const before = await writes()
          const result = await actions.get(name)!(input)
          runs++
          expect(result.message).not.toBe('errors.generic')
          if (!result.ok) expect(await writes()).toBe(before)
        }),
        { numRuns: perAction },
      )
    }
    currentSid = null
    expect(runs).toBeGreaterThanOrEqual(10_000)
  }, 600_000)
})
