import 'server-only'
import { rawDb } from '../db'
import { assertCan, can } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { requestScopeSql } from '../auth/scope'
import { requestSummariesOf, type RequestFilters, type RequestSummaryDTO } from '../requests/queries'
import { QUEUE_VIEWS, type QueueView } from '../requests/queues'
import { CATEGORIES, type TCategory } from '../requests/schemas'
import { OPEN_STATUSES, type RequestStatus } from '../requests/state-machine'

// The console's queue, one page at a time: whatever the number of open requests, the page
// carries one page of rows (most urgent first) and the count of each view, both computed in SQL.
// 25 rows fill a 1440 px screen and a half; the rest load on "more". Each row costs the server
// about 0.2 ms to render (bench:cpu: /console 20.3 ms of CPU at 50 rows, 15.1 at 25).
const QUEUE_PAGE_SIZE = 25
const PREVIEW_CHARS = 90

export type QueueRowDTO = RequestSummaryDTO & {
  // The latest message, cut short: what the client (or the team) said last.
  last: { body: string; at: string; fromClient: boolean; internal: boolean } | null
  // A client message the viewer has not had on screen yet.
  unread: boolean
}

export type QueueQuery = { view: QueueView; views: QueueView[]; filters: RequestFilters; page: number }

// The queue's address (/console?view=…&q=…&category=…&status=…&page=…) read for this viewer:
// unknown values are ignored rather than trusted; "all" is for team leads.
export function queueQueryOf(actor: Actor, p: Record<string, string | undefined>): QueueQuery {
  const category = (CATEGORIES as readonly string[]).includes(p.category ?? '') ? (p.category as TCategory) : undefined
  const status = (OPEN_STATUSES as readonly string[]).includes(p.status ?? '') ? (p.status as RequestStatus) : undefined
  const views = QUEUE_VIEWS.filter((v) => v !== 'all' || can(actor, 'team.lead'))
  const fallback: QueueView = can(actor, 'team.lead') ? 'all' : 'mine'
  const view = (views as readonly string[]).includes(p.view ?? '') ? (p.view as QueueView) : fallback
  const page = Math.min(1000, Math.max(0, Number.parseInt(p.page ?? '0', 10) || 0))
  const q = p.q?.trim() || undefined
  return { view, views, filters: { q, category, status }, page }
}

export type QueuePage = {
  rows: QueueRowDTO[]
  counts: Record<QueueView, number>
  // Rows in this view after this page.
  more: boolean
}

// The console's scope: staff only ($1 is the viewer); anyone else sees nothing (fail closed).
const scopeSql = (actor: Actor) => (can(actor, 'request.serve') ? requestScopeSql(actor, '$1', "'{}'") : 'FALSE')

// inQueue (lib/requests/queues.ts) as SQL over the rows of `q` below.
const VIEW_SQL: Record<QueueView, string> = {
  mine: `"assigneeId" = $1`,
  offered: `"assigneeId" IS DISTINCT FROM $1 AND ("offerStage" = 'ALL' OR ("offerStage" = 'BACKUP' AND "backupButlerId" = $1))`,
  backups: `"backupButlerId" = $1 AND "assigneeId" IS DISTINCT FROM $1`,
  atRisk: `"alarm"`,
  all: 'TRUE',
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

// The headline clock of each request as listRequests picks it (an open response clock, then an
// open resolution clock, then the latest response clock), its deadline while open (the order),
// and whether it is at risk or breached now (clockState in lib/sla/clock.ts).
const OPEN_ROWS = `
  SELECT r.id, r."createdAt", r."assigneeId", r."offerStage", c."backupButlerId",
    CASE WHEN h."metAt" IS NULL AND h."cancelledAt" IS NULL THEN h."dueAt" END AS urgency,
    COALESCE(
      (h."metAt" IS NOT NULL AND (h."metAt" >= h."dueAt" OR h."breachedAt" IS NOT NULL))
      OR (h."metAt" IS NULL AND h."breachedAt" IS NOT NULL)
      OR (h."metAt" IS NULL AND h."cancelledAt" IS NULL AND h."pausedAt" IS NULL
          AND ($2::timestamptz >= h."dueAt" OR $2::timestamptz >= h."atRiskAt")),
      FALSE) AS alarm
  FROM "ServiceRequest" r
  JOIN "Client" c ON c.id = r."clientId"
  LEFT JOIN LATERAL (
    SELECT t.* FROM "SlaTimer" t
    WHERE t."requestId" = r.id AND t.kind IN ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION')
    ORDER BY (t."metAt" IS NULL AND t."cancelledAt" IS NULL AND t.kind <> 'RESOLUTION') DESC,
      (t."metAt" IS NULL AND t."cancelledAt" IS NULL) DESC, (t.kind <> 'RESOLUTION') DESC, t."startedAt" DESC
    LIMIT 1) h ON TRUE`

export async function consoleQueue(
  actor: Actor,
  opts: { view: QueueView; filters?: RequestFilters; page?: number; pageSize?: number; now?: Date },
): Promise<QueuePage> {
  assertCan(actor, 'request.serve')
  const { view, filters = {} } = opts
  const page = Math.max(0, Math.floor(opts.page ?? 0))
  const size = opts.pageSize ?? QUEUE_PAGE_SIZE
  const q = filters.q?.trim().slice(0, 100)
  const counts = QUEUE_VIEWS.map((v) => `'${v}', count(*) FILTER (WHERE ${VIEW_SQL[v]})`).join(', ')
  const [found] = await rawDb.$queryRawUnsafe<{ counts: Record<QueueView, number>; ids: string[] }[]>(
    `WITH q AS (${OPEN_ROWS}
      WHERE r.status = ANY($3::"RequestStatus"[]) AND ${scopeSql(actor)}
        AND ($4::"Category" IS NULL OR r.category = $4::"Category")
        AND ($5::"RequestStatus" IS NULL OR r.status = $5::"RequestStatus")
        AND ($6::text IS NULL OR r.title ILIKE $6 OR c."displayName" ILIKE $6
          OR EXISTS (SELECT 1 FROM "Message" m WHERE m."requestId" = r.id AND m.body ILIKE $6)))
    SELECT (SELECT json_build_object(${counts}) FROM q) AS counts,
      ARRAY(SELECT id FROM q WHERE ${VIEW_SQL[view]}
        ORDER BY urgency ASC NULLS LAST, "createdAt" DESC, id LIMIT $7 OFFSET $8) AS ids`,
    actor.userId,
    opts.now ?? new Date(),
    [...OPEN_STATUSES],
    filters.category ?? null,
    filters.status ?? null,
    q ? likePattern(q) : null,
    size + 1,
    page * size,
  )
  const ids = found.ids.slice(0, size)
  return { rows: await queueRows(actor, ids), counts: found.counts, more: found.ids.length > size }
}

// One row as the queue shows it (a live event re-reads it), or null if the viewer may not see it.
export async function queueRow(actor: Actor, id: string): Promise<QueueRowDTO | null> {
  assertCan(actor, 'request.serve')
  const [row] = await queueRows(actor, [id])
  return row ?? null
}

async function queueRows(actor: Actor, ids: string[]): Promise<QueueRowDTO[]> {
  if (!ids.length) return []
  const [rows, extras] = await Promise.all([
    requestSummariesOf(actor, ids),
    rawDb.$queryRawUnsafe<
      { id: string; body: string | null; at: Date | null; fromClient: boolean; internal: boolean; unread: boolean }[]
    >(
      `SELECT r.id, lm.body, lm."createdAt" AS at, COALESCE(lm."fromClient", FALSE) AS "fromClient",
         COALESCE(lm.visibility = 'INTERNAL', FALSE) AS internal,
         EXISTS (SELECT 1 FROM "Message" m JOIN "User" u ON u.id = m."authorId"
           WHERE m."requestId" = r.id AND u.role IN ('CLIENT', 'DELEGATE')
             AND m."createdAt" > COALESCE(v."seenAt", '-infinity'::timestamptz)) AS unread
       FROM unnest($2::text[]) WITH ORDINALITY AS r(id, ord)
       LEFT JOIN "RequestView" v ON v."requestId" = r.id AND v."userId" = $1
       LEFT JOIN LATERAL (${LAST_MESSAGE_OF_R}) lm ON TRUE
       ORDER BY r.ord`,
      actor.userId,
      ids,
    ),
  ])
  const byId = new Map(rows.map((r) => [r.id, r]))
  return extras.flatMap((e) => {
    const r = byId.get(e.id)
    if (!r) return []
    return [
      {
        ...r,
        last: lastOf(e),
        unread: e.unread,
      },
    ]
  })
}

// The newest message of request `r`, its body cut to a preview.
const LAST_MESSAGE_OF_R = `
  SELECT left(m.body, ${PREVIEW_CHARS + 1}) AS body, m."createdAt", m.visibility,
    u.role IN ('CLIENT', 'DELEGATE') AS "fromClient"
  FROM "Message" m JOIN "User" u ON u.id = m."authorId"
  WHERE m."requestId" = r.id ORDER BY m."createdAt" DESC LIMIT 1`

type LastRow = { body: string | null; at: Date | null; fromClient: boolean; internal: boolean }

function lastOf(e: LastRow): QueueRowDTO['last'] {
  if (!e.at) return null
  const body = e.body ?? ''
  return {
    body: body.length > PREVIEW_CHARS ? `${body.slice(0, PREVIEW_CHARS).trimEnd()}…` : body,
    at: e.at.toISOString(),
    fromClient: e.fromClient,
    internal: e.internal,
  }
}

// The queue's preview of a request's newest message, for a live event to carry (staff only).
export async function lastMessageOf(requestId: string): Promise<QueueRowDTO['last']> {
  const [row] = await rawDb.$queryRawUnsafe<LastRow[]>(
    `SELECT lm.body, lm."createdAt" AS at, COALESCE(lm."fromClient", FALSE) AS "fromClient",
       COALESCE(lm.visibility = 'INTERNAL', FALSE) AS internal
     FROM (SELECT $1::text AS id) r LEFT JOIN LATERAL (${LAST_MESSAGE_OF_R}) lm ON TRUE`,
    requestId,
  )
  return row ? lastOf(row) : null
}
