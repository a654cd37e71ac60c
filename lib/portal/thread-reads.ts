import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'
import { can, rolesFor } from '../auth/policy'
import { canSeeRequest } from '../requests/queries'

// Read markers: each participant's "read up to" on a request's conversation. A client's message
// reads as read once anyone serving the request has had the thread on screen after it, and the
// other way round; the viewer's own marker is what makes a reply "new" on the portal's home.

const otherSide = (actor: Actor) => (can(actor, 'portal.use') ? rolesFor('request.serve') : rolesFor('portal.use'))

/** When the other side last had the thread on screen, or null. */
export async function otherSideReadAt(actor: Actor, requestId: string): Promise<string | null> {
  const row = await db.threadRead.aggregate({
    where: { requestId, user: { role: { in: [...otherSide(actor)] } } },
    _max: { readAt: true },
  })
  return row._max.readAt?.toISOString() ?? null
}

/** Marks the thread read by the viewer now; answers when the other side last read it. */
export async function markThreadRead(actor: Actor, requestId: string) {
  if (!(await canSeeRequest(actor, requestId))) return { otherReadAt: null }
  const readAt = new Date()
  await db.threadRead.upsert({
    where: { requestId_userId: { requestId, userId: actor.userId } },
    create: { requestId, userId: actor.userId, readAt },
    update: { readAt },
  })
  return { otherReadAt: await otherSideReadAt(actor, requestId) }
}
