import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'
import { assertCan } from '../auth/policy'
import { requestScope } from '../auth/scope'

const select = {
  id: true,
  team: true,
  need: true,
  dueAt: true,
  status: true,
  createdAt: true,
  owner: { select: { id: true, name: true } },
  request: { select: { id: true, number: true, title: true, assignee: { select: { name: true } } } },
  timers: { select: { breachedAt: true } },
} as const

type Row = {
  id: string
  team: string
  need: string
  dueAt: Date
  status: string
  createdAt: Date
  owner: { id: string; name: string } | null
  request: { id: string; number: number; title: string; assignee: { name: string } | null }
  timers: { breachedAt: Date | null }[]
}

const toDTO = (h: Row) => ({
  id: h.id,
  team: h.team,
  need: h.need,
  dueAt: h.dueAt.toISOString(),
  status: h.status,
  ownerId: h.owner?.id ?? null,
  ownerName: h.owner?.name ?? null,
  requestId: h.request.id,
  requestNumber: h.request.number,
  requestTitle: h.request.title,
  requesterName: h.request.assignee?.name ?? null,
  overdue: h.timers.some((t) => t.breachedAt !== null),
})
export type HandoffDTO = ReturnType<typeof toDTO>

export async function handoffsForRequest(actor: Actor, requestId: string) {
  assertCan(actor, 'request.serve')
  const rows = await db.handoff.findMany({
    where: { requestId, request: requestScope(actor) },
    orderBy: { createdAt: 'asc' },
    select,
  })
  return rows.map(toDTO)
}

// Both sides' list: hand-offs I own, and hand-offs from requests I work.
export async function openHandoffsFor(actor: Actor) {
  assertCan(actor, 'request.serve')
  const rows = await db.handoff.findMany({
    where: { status: 'OPEN', OR: [{ ownerId: actor.userId }, { request: { assigneeId: actor.userId } }] },
    orderBy: { dueAt: 'asc' },
    select,
  })
  return rows.map(toDTO)
}
