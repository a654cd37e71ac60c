import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import type { Actor } from '../../lib/auth/roles'
import { can } from '../../lib/auth/policy'
import { loadActor, revokeSession } from '../../lib/auth/sessions'
import { revokeDelegate } from '../../lib/clients/delegates'
import { EVENTS_CHANNEL, type BusEvent, type RequestEvent } from '../../lib/events/publish'
import { eventRowsOf } from '../../lib/events/live-rows'
import { mayReceive, scopeOf } from '../../lib/events/scope'
import { queueRow } from '../../lib/console/queue'
import { canSeeRequest, getMessage, getRequestLive } from '../../lib/requests/queries'
import { createRequest } from '../../lib/requests/lifecycle'
import { postClientMessage, replyToRequest } from '../../lib/requests/conversation'
import { markThreadRead } from '../../lib/portal/thread-reads'
import { assignClient } from '../../lib/staff/service'
import { createClient, createDelegate, createStaff } from '../factories'
import { actorFor, teamWithClient, useResponsePolicy, waitFor } from './helpers'

// What every web process hears: the notifications themselves, read from PostgreSQL.
const heard: BusEvent[] = []
let listener: pg.Client

beforeAll(async () => {
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await listener.connect()
  listener.on('notification', (m) => {
    if (m.channel === EVENTS_CHANNEL && m.payload) heard.push(JSON.parse(m.payload))
  })
  await listener.query(`LISTEN ${EVENTS_CHANNEL}`)
})
afterAll(async () => {
  await listener.end()
  await stopProducer()
})

const requestEvents = (requestId: string) =>
  heard.filter((e): e is RequestEvent => e.type !== 'scope.changed' && e.requestId === requestId)
const eventsAfter = async (mark: number, match: (e: BusEvent) => boolean) =>
  waitFor(async () => {
    const found = heard.slice(mark).filter(match)
    return found.length ? found : null
  }, 5_000)

const IDS_ONLY = new Set([
  'type',
  'requestId',
  'clientId',
  'messageId',
  'timerId',
  'state',
  'stage',
  'internal',
  'fromClient',
  'readAt',
  'byClient',
  'audience',
  'userIds',
])

describe('live events: audience in the notification, decision in memory', () => {
  it('decides in memory exactly what the scoped query decides, for every kind of viewer', async () => {
    await useResponsePolicy(180, 120)
    const team = await teamWithClient('Audience Client')
    const delegate = await createDelegate(db, { clientId: team.client.clientId })
    const other = await teamWithClient('Other Client')
    const outsider = await actorFor((await createStaff(db, { name: 'Outsider' })).id)
    const offDuty = await actorFor((await createStaff(db, { name: 'Off duty', onDuty: false })).id)
    const supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR', name: 'Lead' })).id)
    const admin = await actorFor((await createStaff(db, { role: 'ADMIN', name: 'Admin' })).id)
    const delegateActor = await actorFor(delegate.userId)
    const viewers: [string, Actor][] = [
      ['client', team.clientActor],
      ['delegate', delegateActor],
      ['dedicated butler', team.butlerActor],
      ['backup butler', await actorFor(team.backup.id)],
      ['outsider butler', outsider],
      ['off-duty butler', offDuty],
      ['supervisor', supervisor],
      ['admin', admin],
      ['another client', other.clientActor],
    ]

    const request = await createRequest(team.clientActor, { category: 'OTHER', title: 'Opera tickets', details: {} })
    await replyToRequest(team.butlerActor, {
      requestId: request.id,
      body: 'Internal: call the box office',
      internal: true,
    })
    await replyToRequest(team.butlerActor, { requestId: request.id, body: 'On it', internal: false })
    const events = await waitFor(async () => {
      const e = requestEvents(request.id)
      return e.some((x) => x.type === 'message.created' && !x.internal) ? e : null
    }, 5_000)
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['request.created', 'sla.changed', 'message.created']),
    )

    for (const event of events) {
      // Ids and flags only: no titles, names or message text travel through NOTIFY.
      expect(Object.keys(event).filter((k) => !IDS_ONLY.has(k))).toEqual([])
      expect(JSON.stringify(event)).not.toMatch(/Opera|box office|On it|Audience Client/)
      for (const [who, actor] of viewers) {
        const internalNote = event.type === 'message.created' && event.internal
        // Internal notes never reach the client side, whatever the scope says.
        const expected = (await canSeeRequest(actor, request.id)) && !(internalNote && can(actor, 'portal.use'))
        expect(mayReceive(scopeOf(actor), event), `${who} / ${event.type}`).toBe(expected)
      }
    }
    // Sanity: the decisions above are not all alike.
    const created = events.find((e) => e.type === 'request.created')!
    expect(viewers.filter(([, a]) => mayReceive(scopeOf(a), created)).map(([w]) => w)).toEqual([
      'client',
      'delegate',
      'dedicated butler',
      'backup butler',
      'supervisor',
    ])
  })

  it('a request offered to everyone reaches the butlers on duty, and only them', async () => {
    const dedicated = await createStaff(db, { name: 'Away', onDuty: false })
    const backup = await createStaff(db, { name: 'Also away', onDuty: false })
    const client = await createClient(db, { dedicatedButlerId: dedicated.id, backupButlerId: backup.id })
    const onDuty = await actorFor((await createStaff(db, { name: 'On duty' })).id)
    const offDuty = await actorFor((await createStaff(db, { name: 'Resting', onDuty: false })).id)
    const mark = heard.length
    const request = await createRequest(await actorFor(client.userId), {
      category: 'OTHER',
      title: 'Flowers',
      details: {},
    })
    const [created] = (await eventsAfter(
      mark,
      (e) => e.type === 'request.created' && e.requestId === request.id,
    )) as RequestEvent[]
    expect(mayReceive(scopeOf(onDuty), created)).toBe(await canSeeRequest(onDuty, request.id))
    expect(mayReceive(scopeOf(onDuty), created)).toBe(true)
    expect(mayReceive(scopeOf(offDuty), created)).toBe(false)
    expect(await canSeeRequest(offDuty, request.id)).toBe(false)
  })

  it('a revoked delegate is named by a scope event in the same commit, and later events leave them out', async () => {
    const team = await teamWithClient('Revoking Client')
    const delegate = await createDelegate(db, { clientId: team.client.clientId })
    const delegateActor = await actorFor(delegate.userId)
    const staleScope = scopeOf(delegateActor)
    const request = await createRequest(team.clientActor, { category: 'OTHER', title: 'Dinner', details: {} })
    const link = await db.delegate.findFirstOrThrow({ where: { userId: delegate.userId }, select: { id: true } })

    const mark = heard.length
    await revokeDelegate(team.clientActor, { id: link.id })
    const [scope] = await eventsAfter(mark, (e) => e.type === 'scope.changed')
    expect(scope).toEqual({ type: 'scope.changed', userIds: [delegate.userId] })

    await postClientMessage(team.clientActor, { requestId: request.id, body: 'Table for two' })
    const [message] = (await eventsAfter(
      mark,
      (e) => e.type === 'message.created' && e.requestId === request.id,
    )) as RequestEvent[]
    // Even a stream that has not re-scoped yet drops it: the audience no longer names them.
    expect(message.audience).not.toContain(delegate.userId)
    expect(mayReceive(staleScope, message)).toBe(false)
    // And the re-scoped stream has no client left at all.
    const rescoped = await loadActor(delegateActor.sessionId)
    expect(rescoped?.clientIds).toEqual([])
    expect(mayReceive(scopeOf(rescoped!), { ...message, audience: [delegate.userId] })).toBe(false)
    expect(mayReceive(scopeOf(team.clientActor), message)).toBe(true)
  })

  it('reassigning a client and signing out publish scope events for the users concerned', async () => {
    const team = await teamWithClient('Moving Client')
    const newButler = await createStaff(db, { name: 'New butler' })
    const supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR', name: 'Boss' })).id)
    let mark = heard.length
    await assignClient(supervisor, {
      clientId: team.client.clientId,
      dedicatedButlerId: newButler.id,
      backupButlerId: team.backup.id,
    })
    const [moved] = await eventsAfter(mark, (e) => e.type === 'scope.changed')
    expect(moved.type === 'scope.changed' && [...moved.userIds].sort()).toEqual(
      [team.butler.id, team.backup.id, newButler.id].sort(),
    )

    mark = heard.length
    expect(await revokeSession(team.butlerActor.sessionId)).toBe(true)
    const [signedOut] = await eventsAfter(mark, (e) => e.type === 'scope.changed')
    expect(signedOut).toEqual({ type: 'scope.changed', userIds: [team.butler.id] })
    expect(await loadActor(team.butlerActor.sessionId)).toBeNull()
  })

  it('the routes a live view re-reads answer within the request scope, internal notes for staff only', async () => {
    const team = await teamWithClient('Reading Client')
    const other = await teamWithClient('Other Reader')
    const request = await createRequest(team.clientActor, { category: 'OTHER', title: 'Wine', details: {} })
    const key = crypto.randomUUID()
    const note = await replyToRequest(team.butlerActor, { requestId: request.id, body: 'Cellar', internal: true })
    const sent = await postClientMessage(team.clientActor, { requestId: request.id, body: 'Red', idempotencyKey: key })

    expect(await getMessage(team.clientActor, note.id)).toBeNull()
    expect(await getMessage(team.butlerActor, note.id)).toMatchObject({ internal: true, body: 'Cellar' })
    // The sender gets their idempotency key back (to replace their pending copy), nobody else.
    expect(await getMessage(team.clientActor, sent.id)).toMatchObject({ body: 'Red', key })
    expect(await getMessage(team.butlerActor, sent.id)).toMatchObject({ body: 'Red', key: null })
    expect(await getMessage(other.clientActor, sent.id)).toBeNull()
    expect(await getMessage(other.butlerActor, sent.id)).toBeNull()

    expect(await getRequestLive(other.clientActor, request.id)).toBeNull()
    const forClient = await getRequestLive(team.clientActor, request.id)
    expect(forClient).toMatchObject({ id: request.id, status: 'NEW', timers: [] })
    const forButler = await getRequestLive(team.butlerActor, request.id)
    expect(forButler?.timers.map((t) => t.kind).sort()).toEqual(['FIRST_RESPONSE', 'RESOLUTION'])
  })

  it("reading the other side's messages is one thread.read for everyone on the request; reading nothing new is not heard", async () => {
    const team = await teamWithClient('Reading Client')
    const request = await createRequest(team.clientActor, { category: 'OTHER', title: 'Ballet', details: {} })
    await replyToRequest(team.butlerActor, { requestId: request.id, body: 'Two seats held', internal: false })
    const mark = heard.length
    await markThreadRead(team.clientActor, request.id)
    const [read] = await eventsAfter(mark, (e) => e.type === 'thread.read' && e.requestId === request.id)
    expect(read).toMatchObject({ clientId: team.client.clientId, byClient: true, readAt: expect.any(String) })
    expect((read as RequestEvent).audience).toEqual(expect.arrayContaining([team.client.userId, team.butler.id]))
    // Reading again takes in nothing new: nobody hears of it. The butler reading the client's
    // words is heard, as the team's side.
    await postClientMessage(team.clientActor, { requestId: request.id, body: 'Thank you' })
    const again = heard.length
    await markThreadRead(team.clientActor, request.id)
    await markThreadRead(team.butlerActor, request.id)
    const [butlerRead] = await eventsAfter(again, (e) => e.type === 'thread.read' && e.requestId === request.id)
    expect(butlerRead).toMatchObject({ byClient: false })
    expect(heard.slice(again).filter((e) => e.type === 'thread.read' && e.requestId === request.id)).toHaveLength(1)
  })

  it('the row an event carries is what each viewer would read back', async () => {
    const team = await teamWithClient('Carried Client')
    const request = await createRequest(team.clientActor, { category: 'OTHER', title: 'Opera', details: {} })
    const note = await replyToRequest(team.butlerActor, {
      requestId: request.id,
      body: 'Box seats, noted',
      internal: true,
    })

    const rows = await eventRowsOf(request.id)
    const { timers: _clientTimers, ...clientSummary } = (await getRequestLive(team.clientActor, request.id))!
    const forButler = (await getRequestLive(team.butlerActor, request.id))!
    expect(rows?.client).toEqual({ ...clientSummary, timers: [] })
    // Staff see every clock and the queue's preview of the newest message, internal notes too.
    expect(rows?.staff).toEqual({
      ...forButler,
      last: { body: 'Box seats, noted', at: expect.any(String), fromClient: false, internal: true },
    })
    // The queue's row, but for its unread mark, which is the viewer's own (the browser keeps it).
    const { unread: _unread, ...queued } = (await queueRow(team.butlerActor, request.id))!
    expect(rows?.staff).toMatchObject(queued)
    expect(await eventRowsOf('no-such-request')).toBeNull()

    // A new message comes as each side would read it; an internal note never as the client's.
    const withNote = await eventRowsOf(request.id, note.id)
    expect(withNote?.message?.client).toBeNull()
    expect(withNote?.message?.staff).toEqual({ ...(await getMessage(team.butlerActor, note.id))!, key: null })
    const key = crypto.randomUUID()
    const said = await postClientMessage(team.clientActor, {
      requestId: request.id,
      body: 'Stalls',
      idempotencyKey: key,
    })
    const withWords = await eventRowsOf(request.id, said.id)
    expect(withWords?.message).toMatchObject({ authorId: team.client.userId, key })
    expect(withWords?.message?.client).toEqual({ ...(await getMessage(team.clientActor, said.id))!, key: null })
    expect(withWords?.message?.staff).toEqual(await getMessage(team.butlerActor, said.id))
  })
})
