import 'server-only'
import { db } from '../db'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { clientScope } from '../auth/scope'

// Upcoming care for the clients this butler serves or covers, soonest first.
export async function upcomingCare(actor: Actor) {
  assertCan(actor, 'request.serve')
  const rows = await db.careTask.findMany({
    where: { status: 'OPEN', client: clientScope(actor) },
    orderBy: { occursOn: 'asc' },
    take: 100,
    select: {
      id: true,
      occursOn: true,
      summary: true,
      requestId: true,
      keyDate: { select: { kind: true } },
      client: { select: { id: true, displayName: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    occursOn: r.occursOn.toISOString().slice(0, 10),
    summary: r.summary,
    kind: r.keyDate?.kind ?? ('TRIP' as const),
    clientId: r.client.id,
    clientName: r.client.displayName,
  }))
}
