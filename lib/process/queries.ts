import 'server-only'
import { rawDb } from '../db'
import type { Actor } from '../auth/roles'
import { assertCan } from '../auth/policy'
import { requestScopeSql, scopedRequestJoin } from '../auth/scope'
import type { Category, Locale } from '../generated/prisma/enums'

export async function checklistFor(actor: Actor, requestId: string) {
  assertCan(actor, 'request.serve')
  // One raw statement (every request page shows it): the active steps of the request's
  // category, each with when it was done on this request.
  const steps = await rawDb.$queryRawUnsafe<{ id: string; labelZh: string; labelEn: string; doneAt: Date | null }[]>(
    `SELECT s.id, s."labelZh", s."labelEn", d."doneAt"
     FROM "ChecklistStep" s ${scopedRequestJoin('$3')}
     LEFT JOIN "RequestChecklistItem" d ON d."requestId" = r.id AND d."stepId" = s.id
     WHERE s.category = r.category AND s.active AND ${requestScopeSql(actor, '$1', '$2')}
     ORDER BY s.position`,
    actor.userId,
    actor.clientIds,
    requestId,
  )
  return steps.map((s) => ({ ...s, doneAt: s.doneAt?.toISOString() ?? null }))
}

// Canned replies in the client's language, to insert and edit before sending.
// Raw: every request page lists them (no query compilation).
export async function cannedRepliesFor(category: Category, locale: Locale) {
  return rawDb.$queryRaw<{ id: string; title: string; body: string }[]>`
    SELECT id, title, body FROM "CannedReply"
    WHERE category::text = ${category} AND locale::text = ${locale} ORDER BY title`
}
