import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'

// The client as the request service sees them when they write through a channel: the same
// rights as in the portal (their own requests only), without a browser session. A disabled
// account or a missing client gives no actor, and the message goes nowhere.
export async function clientChannelActor(clientId: string): Promise<Actor | null> {
  const c = await db.client.findUnique({
    where: { id: clientId },
    select: {
      id: true,
      user: { select: { id: true, role: true, name: true, locale: true, timeZone: true, disabledAt: true } },
    },
  })
  if (!c || c.user.disabledAt || c.user.role !== 'CLIENT') return null
  return {
    userId: c.user.id,
    sessionId: `channel:${c.id}`,
    role: 'CLIENT',
    name: c.user.name,
    locale: c.user.locale,
    timeZone: c.user.timeZone,
    onDuty: false,
    clientIds: [c.id],
    secondFactorOn: false,
    photoKey: null,
    mustEnrollSecondFactor: false,
  }
}
