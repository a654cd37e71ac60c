import 'server-only'
import { fromPrisma } from 'pg-boss'
import type { RawDb } from '../db/raw'
import type { PushKind } from '../generated/prisma/enums'
import { producer, QUEUES } from '../jobs/boss'
import type { AssigneePick } from '../presence/service'

// Who hears of a request: its holder, its client's backup butler, the butlers or the supervisors
// on duty (an offer to everyone skips its holder and anyone already offered it: the backup), or
// the client. Each yields ("requestId", number, "userId") for the requests in $1.
const AUDIENCES = {
  holder: `SELECT r.id AS "requestId", r.number, r."assigneeId" AS "userId"
    FROM "ServiceRequest" r WHERE r.id = ANY($1::text[]) AND r."assigneeId" IS NOT NULL`,
  backup: `SELECT r.id, r.number, c."backupButlerId"
    FROM "ServiceRequest" r JOIN "Client" c ON c.id = r."clientId"
    WHERE r.id = ANY($1::text[]) AND c."backupButlerId" IS NOT NULL`,
  butlersOnDuty: `SELECT r.id, r.number, u.id FROM "ServiceRequest" r
    JOIN "User" u ON u.role = 'BUTLER' AND u."onDuty" AND u."disabledAt" IS NULL AND u.id IS DISTINCT FROM r."assigneeId"
    WHERE r.id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM "PushDelivery" d
      WHERE d."requestId" = r.id AND d."userId" = u.id AND d.kind = 'OFFERED')`,
  supervisorsOnDuty: `SELECT r.id, r.number, u.id FROM "ServiceRequest" r
    JOIN "User" u ON u.role = 'SUPERVISOR' AND u."onDuty" AND u."disabledAt" IS NULL
    WHERE r.id = ANY($1::text[])`,
  client: `SELECT r.id, r.number, c."userId"
    FROM "ServiceRequest" r JOIN "Client" c ON c.id = r."clientId" WHERE r.id = ANY($1::text[])`,
} as const

export type PushAudience = keyof typeof AUDIENCES

// Writes the push outbox rows (one per recipient device) for many requests in one statement,
// inside the caller's transaction, and one send job for them that commits with it: nothing is
// pushed for a change that rolled back. A recipient with no device gets no row.
export async function enqueuePush(tx: RawDb, kind: PushKind, audience: PushAudience, requestIds: string[]) {
  if (!requestIds.length) return 0
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `WITH rcpt ("requestId", number, "userId") AS (${AUDIENCES[audience]})
     INSERT INTO "PushDelivery" (id, "subscriptionId", "userId", kind, "requestId", "requestNumber")
     SELECT gen_random_uuid()::text, s.id, rcpt."userId", $2::"PushKind", rcpt."requestId", rcpt.number
     FROM rcpt JOIN "PushSubscription" s ON s."userId" = rcpt."userId"
     RETURNING id`,
    requestIds,
    kind,
  )
  if (!rows.length) return 0
  const boss = await producer()
  await boss.send(QUEUES.sendPush, { ids: rows.map((r) => r.id) }, { db: fromPrisma(tx) })
  return rows.length
}

// The one-line hook for a change to one request that the client should hear of.
export const pushToClient = (tx: RawDb, kind: 'REPLIED' | 'ALTERNATIVE' | 'VENDOR_CONFIRMED', requestId: string) =>
  enqueuePush(tx, kind, 'client', [requestId])

// A new request: its client's own butler hears of it as new; a colleague it was handed to
// because they were unavailable, or everyone on duty when nobody was reachable, as offered.
export async function pushNewRequest(
  tx: RawDb,
  requestId: string,
  pick: { offerNow: boolean; via: AssigneePick['via'] },
) {
  if (pick.offerNow) return enqueuePush(tx, 'OFFERED', 'butlersOnDuty', [requestId])
  return enqueuePush(tx, pick.via === 'LEAST_LOADED' ? 'OFFERED' : 'NEW_REQUEST', 'holder', [requestId])
}
