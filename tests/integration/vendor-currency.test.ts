import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { createRequest } from '../../lib/requests/lifecycle'
import { createVendorTask } from '../../lib/vendors/service'
import { createVendors } from '../factories'
import { teamWithClient } from './helpers'

afterAll(async () => {
  await stopProducer()
})

describe('vendor cost currency', () => {
  it('a London client’s vendor cost is in GBP unless the butler chooses otherwise', async () => {
    const [vendor] = await createVendors(db)
    const team = await teamWithClient('London Client')
    await db.client.update({ where: { id: team.client.clientId }, data: { timeZone: 'Europe/London' } })
    const request = await createRequest(team.clientActor, {
      category: 'OTHER',
      title: 'Dinner at the Ritz',
      details: {},
    })
    const task = (cost: number, currency?: 'CNY') =>
      createVendorTask(team.butlerActor, {
        requestId: request.id,
        vendorId: vendor.id,
        description: 'Table for four',
        cost,
        currency,
        dueAt: '2030-01-01T19:00',
      })
    const byDefault = await task(100)
    const chosen = await task(100, 'CNY')
    const row = (id: string) => db.vendorTask.findUniqueOrThrow({ where: { id }, select: { currency: true } })
    expect((await row(byDefault.id)).currency).toBe('GBP')
    // Spend in another currency than the authority limit's still waits for a supervisor.
    expect(byDefault.status).toBe('PENDING_APPROVAL')
    expect((await row(chosen.id)).currency).toBe('CNY')
  })
})
