// Errors as the user and the on-call engineer see them: refusals translated with their values
// and next to their field, one HTTP status per kind, and every unexpected failure logged with
// its stack under the request's correlation id.
import pg from 'pg'
import { createTranslator } from 'next-intl'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import en from '../../messages/en.json'

let currentSid: string | null = null
let incoming = new Headers()
vi.mock('../../lib/next/auth', () => ({ signIn: vi.fn(), signOut: vi.fn() }))
vi.mock('../../lib/next/session-cookie', () => ({ currentSessionId: async () => currentSid }))
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'en', messages: en }) }))
vi.mock('next/headers', () => ({
  headers: async () => incoming,
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}))
vi.mock('next-auth', () => ({
  AuthError: class AuthError extends Error {},
  CredentialsSignin: class CredentialsSignin extends Error {},
}))

import { db } from '../../lib/db'
import { createSession } from '../../lib/auth/sessions'
import { AppError, HTTP_STATUS, type AppErrorCode } from '../../lib/errors'
import { currentCorrelationId, log } from '../../lib/log'
import { defineAction, ZNoInput } from '../../lib/next/action'
import { loginAction } from '../../lib/next/auth-actions'
import { definePublicRoute } from '../../lib/next/route'
import { RATE_LIMIT_DDL } from '../../lib/security/rate-limit'
import { recordSignInFailure } from '../../lib/security/sign-in-limits'
import { inviteStaffAction } from '../../lib/staff/actions'
import { createRequest } from '../../lib/requests/lifecycle'
import { createClient, createStaff } from '../factories'
import { actorFor } from './helpers'

// Records each error line with the correlation id it was written under.
function captureErrors() {
  const lines: { obj: Record<string, unknown>; msg: unknown; correlationId: string | undefined }[] = []
  vi.spyOn(log, 'error').mockImplementation(((obj: Record<string, unknown>, msg: unknown) => {
    lines.push({ obj, msg, correlationId: currentCorrelationId() })
  }) as never)
  return lines
}

describe('errors and logs', () => {
  const sid = {} as Record<'admin' | 'supervisor' | 'butler', string>
  let existingEmail = ''

  beforeAll(async () => {
    const admin = await createStaff(db, { role: 'ADMIN' })
    const supervisor = await createStaff(db, { role: 'SUPERVISOR' })
    const butler = await createStaff(db, { name: 'Exporting butler' })
    existingEmail = butler.email
    sid.admin = await createSession(admin.id)
    sid.supervisor = await createSession(supervisor.id)
    sid.butler = await createSession(butler.id)
    const client = await createClient(db, { name: 'Exported', dedicatedButlerId: butler.id })
    await createRequest(await actorFor(client.userId), { category: 'OTHER', title: 'To export', details: {} })
  })

  afterEach(() => {
    vi.restoreAllMocks()
    currentSid = null
    incoming = new Headers()
  })

  it('answers a refusal about one field next to that field, in the viewer’s words', async () => {
    currentSid = sid.admin
    const result = await inviteStaffAction({ name: 'Twin', email: existingEmail, role: 'BUTLER' })
    const words = 'An account with this email already exists.'
    expect(result).toEqual({ ok: false, message: words, fieldErrors: { email: words } })
    expect(await db.user.count({ where: { email: existingEmail } })).toBe(1)
  })

  it('translates a refusal with the values it carries (minutes to wait)', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    await client.query(RATE_LIMIT_DDL)
    await client.end()
    const email = `locked-${Date.now()}@nowhere.test`
    // Five failures for this account from this caller (no socket stamp here: 'unknown').
    for (let i = 0; i < 5; i++) await recordSignInFailure({ email, ip: 'unknown' })
    const form = new FormData()
    form.set('email', email)
    form.set('password', 'whatever')
    expect(await loginAction(form)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too many attempts\. Please try again in (1 minute|\d+ minutes)\.$/),
    })
  })

  it('logs an unexpected failure with its stack under the caller’s request id, and tells the user only that it failed', async () => {
    const lines = captureErrors()
    const failing = defineAction({ name: 'failing', can: 'account.use', schema: ZNoInput }, async () => {
      throw new Error('database on fire')
    })
    currentSid = sid.butler
    incoming = new Headers({ 'x-request-id': 'lb-7f3a-42' })
    expect(await failing({})).toEqual({ ok: false, message: en.errors.generic })
    expect(lines).toHaveLength(1)
    expect(lines[0].correlationId).toBe('lb-7f3a-42')
    expect(lines[0].obj).toMatchObject({ action: 'failing' })
    expect((lines[0].obj.err as Error).stack).toContain('database on fire')

    // An id that is not one (here an attempt to forge log fields) is replaced by a fresh one.
    incoming = new Headers({ 'x-request-id': 'x", "level":60, "y":"' })
    await failing({})
    expect(lines[1].correlationId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('gives each kind of refusal its own HTTP status, and an unexpected failure a logged 500', async () => {
    // The statuses callers and proxies rely on, one row per kind of refusal.
    const pinned: [AppErrorCode, number][] = [
      ['UNAUTHENTICATED', 401],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
      ['INVALID_INPUT', 400],
      ['CONFLICT', 409],
      ['INVALID_TRANSITION', 409],
      ['RATE_LIMITED', 429],
    ]
    expect(HTTP_STATUS).toEqual(Object.fromEntries(pinned))
    for (const [code, status] of pinned) {
      const route = definePublicRoute({ name: 'refusing' }, async () => {
        throw new AppError(code, 'errors.forbidden')
      })
      const res = await route(new Request('http://local/x'), { params: Promise.resolve({}) })
      expect(res.status, code).toBe(status)
      expect(await res.json()).toEqual({ error: code, message: 'errors.forbidden' })
    }

    const lines = captureErrors()
    const broken = definePublicRoute({ name: 'broken' }, async () => {
      throw new TypeError('undefined is not a function')
    })
    const res = await broken(new Request('http://local/x', { headers: { 'x-request-id': 'edge-1' } }), {
      params: Promise.resolve({}),
    })
    expect(res.status).toBe(500)
    expect(res.headers.get('x-request-id')).toBe('edge-1')
    expect(await res.json()).toEqual({ error: 'INTERNAL', correlationId: 'edge-1' })
    expect(lines).toMatchObject([{ obj: { route: 'broken' }, correlationId: 'edge-1' }])
    expect((lines[0].obj.err as Error).stack).toContain('undefined is not a function')
  })

  it('exports requests to supervisors only, through the request scope, and never fails on a malformed period', async () => {
    const { GET } = await import('../../app/api/export/requests/route')
    const get = (query = '') =>
      GET(new Request(`http://local/api/export/requests${query}`), { params: Promise.resolve({}) })
    expect((await get()).status).toBe(401)
    currentSid = sid.butler
    const refused = await get()
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({ error: 'FORBIDDEN', message: 'errors.forbidden' })
    currentSid = sid.supervisor
    const ok = await get()
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toContain('text/csv')
    expect(ok.headers.get('x-request-id')).toBeTruthy()
    // Decoded by hand: text() would drop the byte-order mark that spreadsheets need.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await ok.arrayBuffer())
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFnumber,createdAt,category,status,title,client,tier,butler,firstResponseSeconds,breached,closedAt,rating',
    )
    expect(csv).toContain('To export')
    const malformed = await get('?from=9999-99-99&to=2024-13-45')
    expect(malformed.status).toBe(200)
  })
})
