import 'server-only'
import { rawDb } from '../db'
import { instant } from '../db/raw'
import type { Actor } from '../auth/roles'
import { assertCan } from '../auth/policy'
import { requestScopeSql, scopedRequestJoin } from '../auth/scope'

// The active steps of the request's category, each with when it was done on this request:
// $1 the actor, $2 their clients, $3 the request.
export const checklistSql = (actor: Actor) =>
  `SELECT s.id, s."labelZh", s."labelEn", d."doneAt"
   FROM "ChecklistStep" s ${scopedRequestJoin('$3')}
   LEFT JOIN "RequestChecklistItem" d ON d."requestId" = r.id AND d."stepId" = s.id
   WHERE s.category = r.category AND s.active AND ${requestScopeSql(actor, '$1', '$2')}
   ORDER BY s.position`

type StepRow = { id: string; labelZh: string; labelEn: string; doneAt: Date | string | null }
export const toChecklistStep = (s: StepRow) => ({
  ...s,
  doneAt: s.doneAt === null ? null : instant(s.doneAt).toISOString(),
})

// One raw statement (every request page shows it).
export async function checklistFor(actor: Actor, requestId: string) {
  assertCan(actor, 'request.serve')
  const steps = await rawDb.$queryRawUnsafe<StepRow[]>(checklistSql(actor), actor.userId, actor.clientIds, requestId)
  return steps.map(toChecklistStep)
}

// Canned replies in the client's language, to insert and edit before sending.
export type CannedReply = { id: string; title: string; body: string }

// The canned replies for the request $3's category in its client's language.
export const REQUEST_CANNED_REPLIES_SQL = `SELECT cr.id, cr.title, cr.body
  FROM "ServiceRequest" rq JOIN "Client" cl ON cl.id = rq."clientId"
  JOIN "CannedReply" cr ON cr.category = rq.category AND cr.locale = cl.language
  WHERE rq.id = $3 ORDER BY cr.title`
