import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'
import { assertCan } from '../auth/policy'
import { requestScope } from '../auth/scope'
import type { Category, Locale } from '../generated/prisma/enums'

export async function checklistFor(actor: Actor, requestId: string) {
  assertCan(actor, 'request.serve')
  const request = await db.serviceRequest.findFirst({
    where: { id: requestId, ...requestScope(actor) },
    select: { category: true, checklist: { select: { stepId: true, doneAt: true } } },
  })
  if (!request) return []
  const steps = await db.checklistStep.findMany({
    where: { category: request.category, active: true },
    orderBy: { position: 'asc' },
    select: { id: true, labelZh: true, labelEn: true },
  })
  const done = new Map(request.checklist.map((c) => [c.stepId, c.doneAt.toISOString()]))
  return steps.map((s) => ({ id: s.id, labelZh: s.labelZh, labelEn: s.labelEn, doneAt: done.get(s.id) ?? null }))
}

// Canned replies in the client's language, to insert and edit before sending.
// Raw: every request page lists them (no query compilation).
export async function cannedRepliesFor(category: Category, locale: Locale) {
  return db.$queryRaw<{ id: string; title: string; body: string }[]>`
    SELECT id, title, body FROM "CannedReply"
    WHERE category::text = ${category} AND locale::text = ${locale} ORDER BY title`
}
