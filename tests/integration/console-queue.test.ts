import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { consoleQueue, queueRow } from '../../lib/console/queue'
import { beatOnRequest } from '../../lib/presence/request-views'
import { listRequests } from '../../lib/requests/queries'
import { byDeadline, inQueue, QUEUE_VIEWS } from '../../lib/requests/queues'
import { createRequest } from '../../lib/requests/lifecycle'
import { postClientMessage, replyToRequest } from '../../lib/requests/conversation'
import type { Actor } from '../../lib/auth/roles'
import { createStaff } from '../factories'
import { actorFor, teamWithClient, useResponsePolicy } from './helpers'

const ask = (title: string) => ({ category: 'OTHER' as const, title, details: {} })

// What the console showed before paging: every open request the viewer may see, split by
// inQueue and ordered by byDeadline in JavaScript. The paged SQL must agree with it.
async function expected(actor: Actor, now: Date) {
  const all = (await listRequests(actor, { openOnly: true, take: 5000 })).sort(byDeadline)
  return Object.fromEntries(QUEUE_VIEWS.map((v) => [v, all.filter((r) => inQueue(v, r, actor, now)).map((r) => r.id)]))
}

describe('console queue', () => {
  afterAll(stopProducer)

  it('pages and counts in SQL agree with the scoped list for every view, most urgent first', async () => {
    await useResponsePolicy(180, 120)
    const a = await teamWithClient('Queue A')
    const b = await teamWithClient('Queue B')
    const mine: string[] = []
    for (let i = 0; i < 7; i++) mine.push((await createRequest(a.clientActor, ask(`A request ${i}`))).id)
    await createRequest(b.clientActor, ask('B request'))
    // One answered (its clock met), one with a clock already past its deadline.
    const answered = mine[2]
    await replyToRequest(a.butlerActor, { requestId: answered, body: 'On it', internal: false })
    await db.slaTimer.updateMany({
      where: { requestId: mine[5], metAt: null },
      data: { dueAt: new Date(Date.now() - 60_000), atRiskAt: new Date(Date.now() - 120_000) },
    })
    const supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR', name: 'Queue Lead' })).id)
    const backup = await actorFor(a.backup.id)

    const now = new Date()
    for (const actor of [a.butlerActor, backup, b.butlerActor, supervisor]) {
      const want = await expected(actor, now)
      for (const view of QUEUE_VIEWS) {
        const page = await consoleQueue(actor, { view, now, pageSize: 5000 })
        expect(page.counts[view], `${actor.name} ${view}`).toBe(want[view].length)
        expect(
          page.rows.map((r) => r.id),
          `${actor.name} ${view}`,
        ).toEqual(want[view])
      }
    }
    // The breached request leads the dedicated butler's queue; B's request is never in it.
    const first = await consoleQueue(a.butlerActor, { view: 'all', now })
    expect(first.rows[0].id).toBe(mine[5])
    expect(first.rows.map((r) => r.title)).not.toContain('B request')
    expect((await consoleQueue(a.butlerActor, { view: 'atRisk', now })).rows.map((r) => r.id)).toEqual([mine[5]])
    // Nor can a row be read outside the viewer's scope.
    expect(await queueRow(b.butlerActor, mine[0])).toBeNull()
  })

  it('walks the queue page by page without gaps or repeats', async () => {
    await useResponsePolicy(180, 120)
    const a = await teamWithClient('Paged')
    for (let i = 0; i < 8; i++) await createRequest(a.clientActor, ask(`Paged ${i}`))
    const now = new Date()
    const whole = await consoleQueue(a.butlerActor, { view: 'mine', now, pageSize: 1000 })
    const seen: string[] = []
    for (let page = 0; ; page++) {
      const p = await consoleQueue(a.butlerActor, { view: 'mine', now, page, pageSize: 3 })
      seen.push(...p.rows.map((r) => r.id))
      expect(p.counts.mine).toBe(8)
      if (!p.more) break
    }
    expect(seen).toEqual(whole.rows.map((r) => r.id))
    expect(new Set(seen).size).toBe(8)
  })

  it('shows the last message and marks client messages the butler has not had on screen', async () => {
    await useResponsePolicy(180, 120)
    const a = await teamWithClient('Unread')
    const request = await createRequest(a.clientActor, ask('Unread test'))
    await postClientMessage(a.clientActor, { requestId: request.id, body: 'Could the car be there at 7 instead?' })
    let row = await queueRow(a.butlerActor, request.id)
    expect(row!.unread).toBe(true)
    expect(row!.last).toMatchObject({ body: 'Could the car be there at 7 instead?', fromClient: true, internal: false })

    await beatOnRequest(a.butlerActor, request.id, 'viewing')
    row = await queueRow(a.butlerActor, request.id)
    expect(row!.unread).toBe(false)
    // The backup has not seen it.
    expect((await queueRow(await actorFor(a.backup.id), request.id))!.unread).toBe(true)

    await replyToRequest(a.butlerActor, { requestId: request.id, body: 'x'.repeat(200), internal: true })
    row = await queueRow(a.butlerActor, request.id)
    expect(row!.last!.internal).toBe(true)
    expect(row!.last!.body.length).toBeLessThanOrEqual(91)
    await postClientMessage(a.clientActor, { requestId: request.id, body: 'Thank you' })
    expect((await queueRow(a.butlerActor, request.id))!.unread).toBe(true)
  })

  it('tells a butler who else has the request open or is replying, only within its scope', async () => {
    await useResponsePolicy(180, 120)
    const a = await teamWithClient('Presence')
    const request = await createRequest(a.clientActor, ask('Presence test'))
    const backup = await actorFor(a.backup.id)
    const outsider = await actorFor((await createStaff(db, { name: 'Presence Outsider' })).id)

    expect(await beatOnRequest(a.butlerActor, request.id, 'viewing')).toEqual([])
    expect(await beatOnRequest(backup, request.id, 'replying')).toEqual([
      { userId: a.butler.id, name: a.butler.name, replying: false },
    ])
    expect(await beatOnRequest(a.butlerActor, request.id, 'viewing')).toEqual([
      { userId: a.backup.id, name: a.backup.name, replying: true },
    ])
    // Someone who may not see the request neither shows up nor learns who is there.
    await expect(beatOnRequest(outsider, request.id, 'viewing')).rejects.toMatchObject({ code: 'NOT_FOUND' })

    // Silence: replying and viewing both expire; leaving ends viewing at once.
    await db.requestView.update({
      where: { requestId_userId: { requestId: request.id, userId: a.backup.id } },
      data: { replyingAt: new Date(Date.now() - 7_000) },
    })
    expect(await beatOnRequest(a.butlerActor, request.id, 'viewing')).toEqual([
      { userId: a.backup.id, name: a.backup.name, replying: false },
    ])
    await beatOnRequest(backup, request.id, 'leaving')
    expect(await beatOnRequest(a.butlerActor, request.id, 'viewing')).toEqual([])
  })
})
