// Every staff read of client data leaves a row in the audit log: opening a request, the client
// 360, a PII reveal, an attachment download and each CSV export (who, which filter, how many
// rows). A client reading their own request is not a staff read and records nothing.
import { beforeAll, describe, expect, it, vi } from 'vitest'

let currentSid: string | null = null
vi.mock('../../lib/next/auth', () => ({ signIn: vi.fn(), signOut: vi.fn() }))
vi.mock('../../lib/next/session-cookie', () => ({ currentSessionId: async () => currentSid }))

import { db } from '../../lib/db'
import { createSession } from '../../lib/auth/sessions'
import type { Actor } from '../../lib/auth/roles'
import { readAttachment, uploadAttachment } from '../../lib/attachments/service'
import { getClient360 } from '../../lib/clients/queries'
import { revealPii } from '../../lib/clients/service'
import { createRequest } from '../../lib/requests/lifecycle'
import { getRequestDetail } from '../../lib/requests/queries'
import { GET as exportRequests } from '../../app/api/export/requests/route'
import { GET as exportKpi } from '../../app/api/export/kpi/route'
import { GET as exportAudit } from '../../app/api/export/audit/route'
import { createClient, createStaff } from '../factories'
import { actorFor } from './helpers'

const rowsFor = (actorId: string, action: string) =>
  db.auditEvent.findMany({ where: { actorId, action }, orderBy: { id: 'asc' } })

describe('audited reads', () => {
  let butler: Actor
  let clientActor: Actor
  let supervisorId = ''
  let clientId = ''
  let requestId = ''

  beforeAll(async () => {
    const b = await createStaff(db, { name: 'Reading Butler' })
    const s = await createStaff(db, { name: 'Reading Supervisor', role: 'SUPERVISOR' })
    const c = await createClient(db, { name: 'Read Client', dedicatedButlerId: b.id })
    butler = await actorFor(b.id)
    clientActor = await actorFor(c.userId)
    supervisorId = s.id
    clientId = c.clientId
    requestId = (await createRequest(clientActor, { category: 'OTHER', title: 'Read me', details: {} })).id
  })

  it('opening a request as staff records request.viewed on every load; the client’s own view records nothing', async () => {
    expect(await getRequestDetail(butler, requestId)).not.toBeNull()
    expect(await getRequestDetail(butler, requestId)).not.toBeNull()
    const rows = await rowsFor(butler.userId, 'request.viewed')
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ entity: 'ServiceRequest', entityId: requestId, clientId })
    await getRequestDetail(clientActor, requestId)
    expect(await rowsFor(clientActor.userId, 'request.viewed')).toHaveLength(0)
    // A request out of scope is neither shown nor recorded.
    const stranger = await actorFor((await createStaff(db, { name: 'Stranger' })).id)
    const before = await db.auditEvent.count({ where: { actorId: stranger.userId } })
    await getRequestDetail(stranger, 'no-such-request')
    expect(await getRequestDetail(stranger, requestId)).toBeNull()
    expect(await db.auditEvent.count({ where: { actorId: stranger.userId } })).toBe(before)
  })

  it('the client 360 and a PII reveal are recorded', async () => {
    await getClient360(butler, clientId)
    expect(await rowsFor(butler.userId, 'client.viewed')).toEqual([
      expect.objectContaining({ entity: 'Client', entityId: clientId, clientId }),
    ])
    await revealPii(butler, { clientId, field: 'phone' })
    expect(await rowsFor(butler.userId, 'client.pii_revealed')).toHaveLength(1)
  })

  it('an attachment download is recorded with the file name', async () => {
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'passport.pdf', {
      type: 'application/pdf',
    })
    const a = await uploadAttachment(clientActor, requestId, file)
    expect(await readAttachment(butler, a.id)).not.toBeNull()
    expect(await rowsFor(butler.userId, 'attachment.downloaded')).toEqual([
      expect.objectContaining({ entityId: a.id, clientId, data: { fileName: 'passport.pdf' } }),
    ])
  })

  it('every export records who, which filter and how many rows', async () => {
    currentSid = await createSession(supervisorId)
    const ctx = { params: Promise.resolve({}) }
    // Tomorrow in UTC: the range covers today in every zone, whatever the hour the test runs.
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    const q = `from=2020-01-01&to=${to}`
    const requests = await exportRequests(new Request(`http://app.test/api/export/requests?${q}`), ctx)
    expect(requests.status).toBe(200)
    const csvRows = (await requests.text()).trim().split('\n').length - 1
    expect(csvRows).toBeGreaterThan(0)
    expect(await rowsFor(supervisorId, 'export.requests')).toEqual([
      expect.objectContaining({ entity: 'Export', data: { from: '2020-01-01', to, rows: csvRows } }),
    ])
    expect((await exportKpi(new Request(`http://app.test/api/export/kpi?${q}`), ctx)).status).toBe(200)
    expect(await rowsFor(supervisorId, 'export.kpi')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ from: '2020-01-01', rows: expect.any(Number) }) }),
    ])
    const audit = await exportAudit(
      new Request(`http://app.test/api/export/audit?${q}&client=${clientId}&action=request.viewed`),
      ctx,
    )
    expect(audit.status).toBe(200)
    expect(await rowsFor(supervisorId, 'export.audit')).toEqual([
      expect.objectContaining({
        clientId,
        data: { from: '2020-01-01', to, client: clientId, action: 'request.viewed', rows: 2 },
      }),
    ])
    currentSid = null
  })
})
