import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { createRequest } from '../../lib/requests/lifecycle'
import { postClientMessage, replyToRequest } from '../../lib/requests/conversation'
import { confirmVendorTask, createVendorTask } from '../../lib/vendors/service'
import { markThreadRead, otherSideReadAt } from '../../lib/portal/thread-reads'
import { lastMessages } from '../../lib/portal/home'
import { confirmationCalendar, confirmationsFor } from '../../lib/portal/confirmations'
import { createVendors } from '../factories'
import { teamWithClient } from './helpers'

afterAll(stopProducer)

const errand = { category: 'OTHER' as const, title: 'Flowers for Friday', details: {} }

describe('portal conversation', () => {
  it('read markers: each side learns when the other last read; a reply stays new on home until read', async () => {
    const team = await teamWithClient('Reader')
    const request = await createRequest(team.clientActor, errand)
    await postClientMessage(team.clientActor, { requestId: request.id, body: 'White lilies, please' })
    expect(await otherSideReadAt(team.clientActor, request.id)).toBeNull()

    const butlerRead = await markThreadRead(team.butlerActor, request.id)
    expect(butlerRead.otherReadAt).toBeNull()
    const seenByClient = await otherSideReadAt(team.clientActor, request.id)
    expect(seenByClient).not.toBeNull()
    // The client's message was written before the butler read: it shows as read.
    const [message] = await db.message.findMany({ where: { requestId: request.id }, select: { createdAt: true } })
    expect(message.createdAt.getTime()).toBeLessThanOrEqual(Date.parse(seenByClient!))

    await replyToRequest(team.butlerActor, { requestId: request.id, body: 'Ordered for 9 am', internal: false })
    let home = await lastMessages(team.clientActor, [request.id])
    expect(home[request.id]).toMatchObject({ body: 'Ordered for 9 am', fromStaff: true, unread: true })

    const clientRead = await markThreadRead(team.clientActor, request.id)
    expect(clientRead.otherReadAt).toBe(seenByClient)
    home = await lastMessages(team.clientActor, [request.id])
    expect(home[request.id].unread).toBe(false)
    expect(await otherSideReadAt(team.butlerActor, request.id)).not.toBeNull()
  })

  it('internal notes never reach the home preview, and other clients cannot mark or see a thread', async () => {
    const team = await teamWithClient('Private')
    const other = await teamWithClient('Stranger')
    const request = await createRequest(team.clientActor, errand)
    await replyToRequest(team.butlerActor, { requestId: request.id, body: 'Visible', internal: false })
    await replyToRequest(team.butlerActor, { requestId: request.id, body: 'Secret note', internal: true })
    expect((await lastMessages(team.clientActor, [request.id]))[request.id].body).toBe('Visible')
    expect(await lastMessages(other.clientActor, [request.id])).toEqual({})
    await expect(markThreadRead(other.clientActor, request.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('add to calendar: a confirmed booking as an .ics event for its own client only', async () => {
    const [vendor] = await createVendors(db)
    const team = await teamWithClient('Calendar')
    const other = await teamWithClient('Elsewhere')
    const request = await createRequest(team.clientActor, errand)
    const task = await createVendorTask(team.butlerActor, {
      requestId: request.id,
      vendorId: vendor.id,
      description: 'Dinner, table for 4; window',
      cost: 100,
      currency: 'CNY',
      dueAt: '2030-01-01T10:00',
    })
    // Not confirmed yet: nothing for the client.
    expect(await confirmationCalendar(team.clientActor, task.id)).toBeNull()
    expect(await confirmationsFor(team.clientActor, request.id)).toEqual([])

    await confirmVendorTask(team.butlerActor, { taskId: task.id, version: 1, confirmationRef: 'TBL-42' })
    const [card] = await confirmationsFor(team.clientActor, request.id)
    expect(card).toMatchObject({ vendorName: vendor.name, reference: 'TBL-42' })
    const starts = (await db.vendorTask.findUniqueOrThrow({ where: { id: task.id } })).dueAt!
    expect(card.startsAt).toBe(starts.toISOString())

    const ics = await confirmationCalendar(team.clientActor, task.id, new Date('2029-12-01T00:00:00Z'))
    const stamp = starts
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')
    expect(ics!.body).toContain('BEGIN:VEVENT\r\n')
    expect(ics!.body).toContain(`DTSTART:${stamp}\r\n`)
    expect(ics!.body).toContain('DTSTAMP:20291201T000000Z\r\n')
    expect(ics!.body).toContain(`SUMMARY:Dinner\\, table for 4\\; window · ${vendor.name}\r\n`)
    expect(ics!.body).toContain('DESCRIPTION:Flowers for Friday\\nTBL-42\r\n')

    expect(await confirmationCalendar(other.clientActor, task.id)).toBeNull()
    await expect(confirmationCalendar(team.butlerActor, task.id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
