import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'
import { can } from '../auth/policy'
import { requestScope } from '../auth/scope'

export type LastMessageDTO = {
  body: string
  authorName: string
  fromStaff: boolean
  createdAt: string
  // A reply from the team the viewer has not had on screen yet.
  unread: boolean
}

// The last message the client can see on each of their requests, for the portal's home.
export async function lastMessages(actor: Actor, requestIds: string[]): Promise<Record<string, LastMessageDTO>> {
  if (requestIds.length === 0) return {}
  const [messages, reads] = await Promise.all([
    db.message.findMany({
      where: { requestId: { in: requestIds }, visibility: 'CLIENT', request: requestScope(actor) },
      distinct: ['requestId'],
      orderBy: [{ requestId: 'asc' }, { createdAt: 'desc' }],
      select: { requestId: true, body: true, createdAt: true, author: { select: { name: true, role: true } } },
    }),
    db.threadRead.findMany({
      where: { userId: actor.userId, requestId: { in: requestIds } },
      select: { requestId: true, readAt: true },
    }),
  ])
  const readAt = new Map(reads.map((r) => [r.requestId, r.readAt.getTime()]))
  return Object.fromEntries(
    messages.map((m) => {
      const fromStaff = !can(m.author, 'portal.use')
      return [
        m.requestId,
        {
          body: m.body.slice(0, 200),
          authorName: m.author.name,
          fromStaff,
          createdAt: m.createdAt.toISOString(),
          unread: fromStaff && m.createdAt.getTime() > (readAt.get(m.requestId) ?? 0),
        },
      ]
    }),
  )
}
