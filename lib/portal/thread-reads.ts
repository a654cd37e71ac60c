import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'
import { can, rolesFor } from '../auth/policy'
import { publish } from '../events/publish'
import { canSeeRequest } from '../requests/queries'
import { AppError } from '../errors'

// Read markers: each participant's "read up to" on a request's conversation. A client's message
// reads as read once anyone serving the request has had the thread on screen after it, and the
// other way round; the viewer's own marker is what makes a reply "new" on the portal's home.

const otherSide = (actor: Actor) => [...(can(actor, 'portal.use') ? rolesFor('request.serve') : rolesFor('portal.use'))]

/** When the other side last had the thread on screen, or null. */
export async function otherSideReadAt(actor: Actor, requestId: string): Promise<string | null> {
  const row = await db.threadRead.aggregate({
    where: { requestId, user: { role: { in: otherSide(actor) } } },
    _max: { readAt: true },
  })
  return row._max.readAt?.toISOString() ?? null
}

/**
 * Marks the thread read by the viewer now; answers when the other side last read it. When this
 * read takes in messages the other side wrote, they hear of it (a `thread.read`, which changes
 * no page but the "Read" under their messages); reading nothing new tells nobody.
 */
export async function markThreadRead(actor: Actor, requestId: string) {
  if (!(await canSeeRequest(actor, requestId))) throw new AppError('NOT_FOUND', 'errors.notFound')
  const readAt = new Date()
  await db.$transaction(async (tx) => {
    const before = await tx.threadRead.findUnique({
      where: { requestId_userId: { requestId, userId: actor.userId } },
      select: { readAt: true },
    })
    await tx.threadRead.upsert({
      where: { requestId_userId: { requestId, userId: actor.userId } },
      create: { requestId, userId: actor.userId, readAt },
      update: { readAt },
    })
    const fresh = await tx.message.findFirst({
      where: {
        requestId,
        visibility: 'CLIENT',
        author: { role: { in: otherSide(actor) } },
        ...(before ? { createdAt: { gt: before.readAt } } : {}),
      },
      select: { request: { select: { clientId: true } } },
    })
    if (fresh)
      await publish(tx, {
        type: 'thread.read',
        requestId,
        clientId: fresh.request.clientId,
        readAt: readAt.toISOString(),
        byClient: can(actor, 'portal.use'),
      })
  })
  return { otherReadAt: await otherSideReadAt(actor, requestId) }
}
