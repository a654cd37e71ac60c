import 'server-only'
import { rawDb } from '../db'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { clientScopeSql, VIEWER_PARAMS } from '../auth/scope'
import type { KeyDateKind } from '../generated/prisma/enums'

// Upcoming care for the clients this butler serves or covers, soonest first.
export async function upcomingCare(actor: Actor) {
  assertCan(actor, 'request.serve')
  // Raw: every console load shows them.
  return rawDb.$queryRawUnsafe<
    {
      id: string
      occursOn: string
      summary: string
      kind: KeyDateKind | 'TRIP'
      clientId: string
      clientName: string
    }[]
  >(
    `SELECT t.id, to_char(t."occursOn", 'YYYY-MM-DD') AS "occursOn", t.summary,
            COALESCE(k.kind::text, 'TRIP') AS kind, c.id AS "clientId", c."displayName" AS "clientName"
     FROM "CareTask" t JOIN "Client" c ON c.id = t."clientId" LEFT JOIN "KeyDate" k ON k.id = t."keyDateId" ${VIEWER_PARAMS}
     WHERE t.status = 'OPEN' AND ${clientScopeSql(actor, '$1', '$2')}
     ORDER BY t."occursOn" LIMIT 100`,
    actor.userId,
    actor.clientIds,
  )
}
