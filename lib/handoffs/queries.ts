import 'server-only'
import { rawDb } from '../db'
import { instant } from '../db/raw'
import type { Actor } from '../auth/roles'
import { assertCan } from '../auth/policy'
import { requestScopeSql, scopedRequestJoin } from '../auth/scope'

// Hand-offs as the console and the request page list them, read raw (both pages are opened
// constantly): $1 the viewer and $2 their clients (scopedRequestJoin), then the condition's own.
const HANDOFF_ROWS = (where: string) => `
  SELECT h.id, h.team, h.need, h."dueAt", h.status::text AS status, h."createdAt",
         o.id AS "ownerId", o.name AS "ownerName",
         r.id AS "requestId", r.number AS "requestNumber", r.title AS "requestTitle", a.name AS "requesterName",
         EXISTS (SELECT 1 FROM "SlaTimer" t WHERE t."handoffId" = h.id AND t."breachedAt" IS NOT NULL) AS overdue
  FROM "Handoff" h ${scopedRequestJoin('h."requestId"')}
  LEFT JOIN "User" o ON o.id = h."ownerId"
  LEFT JOIN "User" a ON a.id = r."assigneeId"
  WHERE ${where}`

type Row = {
  id: string
  team: string
  need: string
  dueAt: Date | string
  status: string
  createdAt: Date | string
  ownerId: string | null
  ownerName: string | null
  requestId: string
  requestNumber: number
  requestTitle: string
  requesterName: string | null
  overdue: boolean
}

export const toHandoff = (h: Row) => ({
  id: h.id,
  team: h.team,
  need: h.need,
  dueAt: instant(h.dueAt).toISOString(),
  status: h.status,
  ownerId: h.ownerId,
  ownerName: h.ownerName,
  requestId: h.requestId,
  requestNumber: h.requestNumber,
  requestTitle: h.requestTitle,
  requesterName: h.requesterName,
  overdue: h.overdue,
})
export type HandoffDTO = ReturnType<typeof toHandoff>

// A request's hand-offs: $1 the actor, $2 their clients, $3 the request.
export const requestHandoffsSql = (actor: Actor) =>
  `${HANDOFF_ROWS(`h."requestId" = $3 AND ${requestScopeSql(actor, '$1', '$2')}`)} ORDER BY h."createdAt"`

export async function handoffsForRequest(actor: Actor, requestId: string) {
  assertCan(actor, 'request.serve')
  const rows = await rawDb.$queryRawUnsafe<Row[]>(requestHandoffsSql(actor), actor.userId, actor.clientIds, requestId)
  return rows.map(toHandoff)
}

// Both sides' list: hand-offs I own, and hand-offs from requests I work.
export async function openHandoffsFor(actor: Actor) {
  assertCan(actor, 'request.serve')
  const rows = await rawDb.$queryRawUnsafe<Row[]>(
    `${HANDOFF_ROWS(`h.status = 'OPEN' AND (h."ownerId" = $1 OR r."assigneeId" = $1)`)} ORDER BY h."dueAt"`,
    actor.userId,
    actor.clientIds,
  )
  return rows.map(toHandoff)
}
