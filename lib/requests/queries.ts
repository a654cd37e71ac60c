import 'server-only'
import { db, readDb, rawDb } from '../db'
import { togetherColumns, type ReadTogether } from '../db/raw'
import type { Prisma } from '../generated/prisma/client'
import type { Actor } from '../auth/roles'
import { assertCan, can } from '../auth/policy'
import { requestScope, requestScopeSql } from '../auth/scope'
import type { Period } from '../kpi/queries'
import type { Category, OfferStage, RequestStatus, TimerKind } from '../generated/prisma/enums'
import { OPEN_STATUSES } from './state-machine'
import { PHOTO_KEY, staffPhotoUrl } from '../staff/photo-url'

export type TimerDTO = {
  id: string
  kind: TimerKind
  startedAt: string
  dueAt: string
  atRiskAt: string | null
  pausedAt: string | null
  metAt: string | null
  breachedAt: string | null
  cancelledAt: string | null
}

export type RequestSummaryDTO = {
  id: string
  number: number
  title: string
  category: Category
  status: RequestStatus
  createdAt: string
  clientName: string
  clientTimeZone: string
  clientId: string | null
  assigneeId: string | null
  assigneeName: string | null
  dedicatedButlerId: string | null
  backupButlerId: string | null
  offerStage: OfferStage | null
  version: number
  timer: TimerDTO | null
}

// What every list of requests shows of each: the select and its DTO part.
export const REQUEST_HEADLINE = {
  id: true,
  number: true,
  title: true,
  category: true,
  status: true,
  createdAt: true,
} as const

export function requestHeadline(r: Prisma.ServiceRequestGetPayload<{ select: typeof REQUEST_HEADLINE }>) {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    category: r.category,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  }
}

const timerSelect = {
  id: true,
  kind: true,
  startedAt: true,
  dueAt: true,
  atRiskAt: true,
  pausedAt: true,
  metAt: true,
  breachedAt: true,
  cancelledAt: true,
} as const

type TimerRow = {
  [K in keyof typeof timerSelect]: K extends 'id'
    ? string
    : K extends 'kind'
      ? TimerKind
      : K extends 'startedAt' | 'dueAt'
        ? Date
        : Date | null
}

function toTimerDTO(t: TimerRow): TimerDTO {
  const iso = (d: Date | null) => (d ? d.toISOString() : null)
  return {
    id: t.id,
    kind: t.kind,
    startedAt: t.startedAt.toISOString(),
    dueAt: t.dueAt.toISOString(),
    atRiskAt: iso(t.atRiskAt),
    pausedAt: iso(t.pausedAt),
    metAt: iso(t.metAt),
    breachedAt: iso(t.breachedAt),
    cancelledAt: iso(t.cancelledAt),
  }
}

type SummaryRow = Prisma.ServiceRequestGetPayload<{ select: typeof REQUEST_HEADLINE }> & {
  clientId: string
  assigneeId: string | null
  offerStage: OfferStage | null
  version: number
  assignee: { name: string } | null
  client: { displayName: string; timeZone: string; dedicatedButlerId: string | null; backupButlerId: string | null }
}

// What requestSummary reads of a request, besides its clocks.
const SUMMARY_SELECT = {
  ...REQUEST_HEADLINE,
  clientId: true,
  assigneeId: true,
  offerStage: true,
  version: true,
  client: { select: { displayName: true, timeZone: true, dedicatedButlerId: true, backupButlerId: true } },
  assignee: { select: { name: true } },
} as const

// A request as every list shows it, with the clock that matters most. Who works it is staff
// business: clients see their butler's name, not staff ids.
function requestSummary(viewer: Pick<Actor, 'role'>, r: SummaryRow, t: TimerRow | null): RequestSummaryDTO {
  const staff = can(viewer, 'request.serve')
  return {
    ...requestHeadline(r),
    clientName: r.client.displayName,
    clientTimeZone: r.client.timeZone,
    assigneeName: r.assignee?.name ?? null,
    clientId: staff ? r.clientId : null,
    assigneeId: staff ? r.assigneeId : null,
    dedicatedButlerId: staff ? r.client.dedicatedButlerId : null,
    backupButlerId: staff ? r.client.backupButlerId : null,
    offerStage: staff ? r.offerStage : null,
    version: r.version,
    timer: t ? toTimerDTO(t) : null,
  }
}

// The clock that matters most on a list (timers newest first): an open response clock, then
// an open resolution clock, then the latest response clock.
function headlineTimer(timers: TimerRow[]) {
  const open = (t: TimerRow) => !t.metAt && !t.cancelledAt
  const response = (t: TimerRow) => t.kind !== 'RESOLUTION'
  return timers.find((t) => open(t) && response(t)) ?? timers.find(open) ?? timers.find(response) ?? null
}

// Clients see only whether their butler has answered; resolution targets are internal.
const headlineKinds = (viewer: Pick<Actor, 'role'>): TimerKind[] =>
  !can(viewer, 'request.serve')
    ? ['FIRST_RESPONSE', 'NEXT_RESPONSE']
    : ['FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION']

export type RequestFilters = { q?: string; category?: Category; status?: RequestStatus }

// Search covers the request's title, its client's name and the conversation text.
// A client's search never matches words in internal notes.
function filterWhere(f: RequestFilters = {}, clientView: boolean): Prisma.ServiceRequestWhereInput {
  const q = f.q?.trim().slice(0, 100)
  return {
    ...(f.category ? { category: f.category } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(q
      ? {
          OR: [
            { title: { contains: q, mode: 'insensitive' as const } },
            { client: { displayName: { contains: q, mode: 'insensitive' as const } } },
            {
              messages: {
                some: {
                  body: { contains: q, mode: 'insensitive' as const },
                  ...(clientView ? { visibility: 'CLIENT' as const } : {}),
                },
              },
            },
          ],
        }
      : {}),
  }
}
export async function listRequests(
  actor: Actor,
  opts: { openOnly?: boolean; take?: number; filters?: RequestFilters; id?: string; ids?: string[] } = {},
) {
  const rows = await db.serviceRequest.findMany({
    where: {
      AND: [
        requestScope(actor),
        opts.id ? { id: opts.id } : {},
        opts.ids ? { id: { in: opts.ids } } : {},
        opts.openOnly ? { status: { in: [...OPEN_STATUSES] } } : {},
        filterWhere(opts.filters, !can(actor, 'request.serve')),
      ],
    },
    orderBy: { createdAt: 'desc' },
    take: opts.take ?? 100,
    select: {
      ...SUMMARY_SELECT,
      timers: {
        where: { kind: { in: headlineKinds(actor) } },
        orderBy: { startedAt: 'desc' },
        take: 4,
        select: timerSelect,
      },
    },
  })
  return rows.map((r) => requestSummary(actor, r, headlineTimer(r.timers)))
}

// Rows as listRequests builds them, in one raw statement, for the lists read on every load
// (building many nested rows through the query compiler cost more than the database did: the
// board's p95 was 156 ms at 1M requests of history). `where` is SQL over the request `r` and its
// client `c`, with $1 the viewer, $2 their clients and $3 the clock kinds they see; `params`
// fill $4 onwards.
async function summaryRowsWhere(
  actor: Actor,
  where: string,
  params: unknown[],
  order = 'r."createdAt" DESC',
): Promise<RequestSummaryDTO[]> {
  type Row = SummaryRow & { timers: (Omit<TimerRow, 'startedAt' | 'dueAt'> & Record<string, unknown>)[] }
  const rows = await rawDb.$queryRawUnsafe<Row[]>(
    `SELECT r.id, r.number, r.title, r.category::text AS category, r.status::text AS status, r."createdAt",
      r."clientId", r."assigneeId", r."offerStage"::text AS "offerStage", r.version,
      json_build_object('displayName', c."displayName", 'timeZone', c."timeZone",
        'dedicatedButlerId', c."dedicatedButlerId", 'backupButlerId', c."backupButlerId") AS client,
      CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('name', a.name) END AS assignee,
      -- One JSON array (parsed once), not an array of JSON values (parsed element by element).
      COALESCE((SELECT json_agg(x.timer) FROM (
        SELECT json_build_object('id', t.id, 'kind', t.kind, 'startedAt', t."startedAt", 'dueAt', t."dueAt",
          'atRiskAt', t."atRiskAt", 'pausedAt', t."pausedAt", 'metAt', t."metAt", 'breachedAt', t."breachedAt",
          'cancelledAt', t."cancelledAt") AS timer
        FROM "SlaTimer" t WHERE t."requestId" = r.id AND t.kind::text = ANY($3::text[])
        ORDER BY t."startedAt" DESC LIMIT 4) x), '[]'::json) AS timers
    FROM "ServiceRequest" r
    JOIN "Client" c ON c.id = r."clientId"
    LEFT JOIN "User" a ON a.id = r."assigneeId"
    -- Types every parameter, whichever of them the condition uses.
    CROSS JOIN (SELECT $1::text AS viewer, $2::text[] AS clients) AS params
    WHERE ${where}
    ORDER BY ${order}`,
    actor.userId,
    actor.clientIds,
    headlineKinds(actor),
    ...params,
  )
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string))
  return rows.map((r) => {
    const timers = r.timers.map((t): TimerRow => ({
      id: t.id,
      kind: t.kind,
      startedAt: date(t.startedAt)!,
      dueAt: date(t.dueAt)!,
      atRiskAt: date(t.atRiskAt),
      pausedAt: date(t.pausedAt),
      metAt: date(t.metAt),
      breachedAt: date(t.breachedAt),
      cancelledAt: date(t.cancelledAt),
    }))
    return requestSummary(actor, r, headlineTimer(timers))
  })
}

// Every open request as the live board lists it (the same rows as listRequests with openOnly),
// newest first, up to `take`.
export async function openRequestsForBoard(actor: Actor, take = 1000): Promise<RequestSummaryDTO[]> {
  assertCan(actor, 'team.lead')
  return summaryRowsWhere(
    actor,
    `r.status = ANY($4::"RequestStatus"[])`,
    [[...OPEN_STATUSES]],
    `r."createdAt" DESC LIMIT ${Number(take)}`,
  )
}

// These requests as listRequests shows them, in the order given, those the viewer may see.
export async function requestSummariesOf(actor: Actor, ids: string[]): Promise<RequestSummaryDTO[]> {
  if (!ids.length) return []
  return summaryRowsWhere(
    actor,
    `r.id = ANY($4::text[]) AND ${requestScopeSql(actor, '$1', '$2')}`,
    [ids],
    'array_position($4::text[], r.id)',
  )
}

// A message as every thread shows it; the WeChat delivery status is for staff only.
const MESSAGE_SELECT = {
  id: true,
  body: true,
  visibility: true,
  createdAt: true,
  author: { select: { name: true, role: true, ...PHOTO_KEY } },
  channelDeliveries: {
    orderBy: { createdAt: 'desc' },
    take: 1,
    select: { status: true, attempts: true, lastError: true, nextAttemptAt: true },
  },
} as const satisfies Prisma.MessageSelect

function toMessageDTO(m: Prisma.MessageGetPayload<{ select: typeof MESSAGE_SELECT }>, clientView: boolean): MessageDTO {
  const d = m.channelDeliveries[0]
  return {
    id: m.id,
    body: m.body,
    internal: m.visibility === 'INTERNAL',
    createdAt: m.createdAt.toISOString(),
    authorName: m.author.name,
    fromStaff: !can(m.author, 'portal.use'),
    authorPhotoUrl: staffPhotoUrl(m.author.id, m.author.photo),
    delivery:
      clientView || !d
        ? null
        : {
            status: d.status,
            attempts: d.attempts,
            error: d.lastError,
            nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
          },
  }
}

export type MessageDTO = {
  id: string
  body: string
  internal: boolean
  createdAt: string
  authorName: string
  fromStaff: boolean
  // The author's photo, if they are staff and have one (clients have none).
  authorPhotoUrl: string | null
  // Staff only: how the reply fared on the client's messaging channel (WeChat), if bound.
  delivery: DeliveryDTO | null
}

export type DeliveryDTO = {
  status: 'PENDING' | 'RETRYING' | 'SENT' | 'FAILED'
  attempts: number
  error: string | null
  nextAttemptAt: string | null
}

export type AlternativeDTO = {
  id: string
  description: string
  status: 'OFFERED' | 'ACCEPTED' | 'DECLINED'
  offeredAt: string
  decidedAt: string | null
}

export type RequestDetailDTO = RequestSummaryDTO & {
  clientLanguage: 'zh_CN' | 'en'
  rating: { score: number; comment: string | null } | null
  details: Record<string, unknown>
  wantedAt: string | null
  alternatives: AlternativeDTO[]
  messages: MessageDTO[]
  timers: TimerDTO[]
}

// What the one statement below returns: the request's own columns, and its thread, clocks,
// alternatives and rating as JSON (timestamps as JSON strings, turned back into Dates here).
type DetailRow = SummaryRow & {
  details: unknown
  wantedAt: Date | null
  language: 'zh_CN' | 'en'
  messages: (Omit<Prisma.MessageGetPayload<{ select: typeof MESSAGE_SELECT }>, 'createdAt' | 'channelDeliveries'> & {
    createdAt: string
    channelDeliveries: {
      status: DeliveryDTO['status']
      attempts: number
      lastError: string | null
      nextAttemptAt: string | null
    }[]
  })[]
  timers: (Omit<TimerRow, 'startedAt' | 'dueAt' | 'atRiskAt' | 'pausedAt' | 'metAt' | 'breachedAt' | 'cancelledAt'> &
    Record<'startedAt' | 'dueAt', string> &
    Record<'atRiskAt' | 'pausedAt' | 'metAt' | 'breachedAt' | 'cancelledAt', string | null>)[]
  alternatives: {
    id: string
    description: string
    status: AlternativeDTO['status']
    offeredAt: string
    decidedAt: string | null
  }[]
  rating: { score: number; comment: string | null } | null
}

const toDate = (s: string) => new Date(s)
const toDateOrNull = (s: string | null) => (s === null ? null : new Date(s))

// The request page's read, one raw statement (a request page is opened constantly, and a
// nested model read is compiled in the web process every time): $1 the viewer, $2 their
// clients, $3 the request, $4 whether internal notes stay out (a client's view).
const DETAIL_SQL = (scope: string) => `
  SELECT r.id, r.number, r.title, r.category, r.status, r."createdAt", r.details, r."wantedAt", r.version,
         r."clientId", r."assigneeId", r."offerStage", c.language,
         json_build_object('displayName', c."displayName", 'timeZone', c."timeZone",
           'dedicatedButlerId', c."dedicatedButlerId", 'backupButlerId', c."backupButlerId") AS client,
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('name', a.name) END AS assignee,
         COALESCE((
           SELECT json_agg(json_build_object(
             'id', m.id, 'body', m.body, 'visibility', m.visibility, 'createdAt', m."createdAt",
             'author', json_build_object('id', u.id, 'name', u.name, 'role', u.role,
               'photo', CASE WHEN p."storageKey" IS NULL THEN NULL ELSE json_build_object('storageKey', p."storageKey") END),
             'channelDeliveries', COALESCE((
               SELECT json_agg(json_build_object('status', d.status, 'attempts', d.attempts,
                 'lastError', d."lastError", 'nextAttemptAt', d."nextAttemptAt"))
               FROM (SELECT * FROM "ChannelDelivery" cd WHERE cd."messageId" = m.id ORDER BY cd."createdAt" DESC LIMIT 1) d
             ), '[]'::json)
           ) ORDER BY m."createdAt")
           FROM "Message" m JOIN "User" u ON u.id = m."authorId" LEFT JOIN "StaffPhoto" p ON p."userId" = u.id
           WHERE m."requestId" = r.id AND (NOT $4 OR m.visibility = 'CLIENT')
         ), '[]'::json) AS messages,
         COALESCE((
           SELECT json_agg(json_build_object('id', t.id, 'kind', t.kind, 'startedAt', t."startedAt", 'dueAt', t."dueAt",
             'atRiskAt', t."atRiskAt", 'pausedAt', t."pausedAt", 'metAt', t."metAt", 'breachedAt', t."breachedAt",
             'cancelledAt', t."cancelledAt") ORDER BY t."startedAt")
           FROM "SlaTimer" t WHERE t."requestId" = r.id
         ), '[]'::json) AS timers,
         COALESCE((
           SELECT json_agg(json_build_object('id', x.id, 'description', x.description, 'status', x.status,
             'offeredAt', x."offeredAt", 'decidedAt', x."decidedAt") ORDER BY x."offeredAt")
           FROM "Alternative" x WHERE x."requestId" = r.id
         ), '[]'::json) AS alternatives,
         (SELECT json_build_object('score', g.score, 'comment', g.comment) FROM "Rating" g WHERE g."requestId" = r.id) AS rating
  FROM "ServiceRequest" r
  JOIN "Client" c ON c.id = r."clientId"
  LEFT JOIN "User" a ON a.id = r."assigneeId"
  -- Types every parameter, whichever of them the viewer's scope uses.
  CROSS JOIN (SELECT $1::text AS viewer, $2::text[] AS clients, $4::boolean AS "clientView") AS params
  WHERE r.id = $3 AND ${scope}`

// Staff opening a request read the client's messages and details: recorded on every load, in
// the statement that reads them (the entry recordRead would write, without a second round trip).
// `alongside`: more columns read in the same statement (togetherColumns), only when the request
// is in the viewer's scope.
const VIEWED_DETAIL_SQL = (scope: string, alongside: string) => `
  WITH detail AS (${DETAIL_SQL(scope)}),
  viewed AS (
    INSERT INTO "AuditEvent" (at, "actorId", action, entity, "entityId", "clientId", data)
    SELECT clock_timestamp(), $1, 'request.viewed', 'ServiceRequest', d.id, d."clientId", '{}'::jsonb FROM detail d
  )
  SELECT detail.*${alongside ? `, ${alongside}` : ''} FROM detail`

export async function getRequestDetail(actor: Actor, id: string): Promise<RequestDetailDTO | null> {
  return (await readRequestDetail(actor, id, {}))?.detail ?? null
}

// A staff page's read of one request with other reads of the same parameters ($1 the viewer,
// $2 their clients, $3 the request) in the same statement (togetherColumns): one
// round trip for the whole console request page. Null when the request is not the viewer's.
export async function getRequestDetailWith<K extends string>(
  actor: Actor,
  id: string,
  alongside: Record<K, string>,
): Promise<{ detail: RequestDetailDTO; alongside: ReadTogether<K> } | null> {
  assertCan(actor, 'request.serve')
  return readRequestDetail(actor, id, alongside)
}

async function readRequestDetail<K extends string>(actor: Actor, id: string, alongside: Record<K, string>) {
  const clientView = !can(actor, 'request.serve')
  const scope = requestScopeSql(actor, '$1', '$2')
  const [r] = await rawDb.$queryRawUnsafe<(DetailRow & ReadTogether<K>)[]>(
    clientView ? DETAIL_SQL(scope) : VIEWED_DETAIL_SQL(scope, togetherColumns(alongside)),
    actor.userId,
    actor.clientIds,
    id,
    clientView,
  )
  if (!r) return null
  const timers: TimerRow[] = r.timers.map((t) => ({
    ...t,
    startedAt: toDate(t.startedAt),
    dueAt: toDate(t.dueAt),
    atRiskAt: toDateOrNull(t.atRiskAt),
    pausedAt: toDateOrNull(t.pausedAt),
    metAt: toDateOrNull(t.metAt),
    breachedAt: toDateOrNull(t.breachedAt),
    cancelledAt: toDateOrNull(t.cancelledAt),
  }))
  const kinds = headlineKinds(actor)
  const t = headlineTimer(timers.filter((x) => kinds.includes(x.kind)).reverse())
  const detail: RequestDetailDTO = {
    ...requestSummary(actor, r, t),
    clientLanguage: r.language,
    rating: r.rating,
    details: (r.details ?? {}) as Record<string, unknown>,
    wantedAt: r.wantedAt?.toISOString() ?? null,
    alternatives: r.alternatives.map((a) => ({
      id: a.id,
      description: a.description,
      status: a.status,
      offeredAt: toDate(a.offeredAt).toISOString(),
      decidedAt: toDateOrNull(a.decidedAt)?.toISOString() ?? null,
    })),
    messages: r.messages.map((m) =>
      toMessageDTO(
        {
          ...m,
          createdAt: toDate(m.createdAt),
          channelDeliveries: m.channelDeliveries.map((d) => ({ ...d, nextAttemptAt: toDateOrNull(d.nextAttemptAt) })),
        },
        clientView,
      ),
    ),
    timers: clientView ? [] : timers.map(toTimerDTO),
  }
  const read = Object.fromEntries(Object.keys(alongside).map((k) => [k, (r as ReadTogether<K>)[k as K]]))
  return { detail, alongside: read as ReadTogether<K> }
}

// Every request created in the period that the actor may see, one flat row each, for the
// supervisors' CSV export.
export async function exportRequestRows(actor: Actor, period: Period) {
  assertCan(actor, 'team.lead')
  // An export may trail the primary by a few seconds: it reads from the replica when there is one.
  const rows = await readDb.serviceRequest.findMany({
    where: { AND: [requestScope(actor), { createdAt: { gte: period.from, lt: period.to } }] },
    orderBy: { createdAt: 'asc' },
    select: {
      number: true,
      title: true,
      category: true,
      status: true,
      createdAt: true,
      closedAt: true,
      client: { select: { displayName: true, tier: true } },
      assignee: { select: { name: true } },
      rating: { select: { score: true } },
      timers: { where: { kind: 'FIRST_RESPONSE' }, select: { startedAt: true, metAt: true, breachedAt: true } },
    },
  })
  return rows.map((r) => ({
    number: r.number,
    createdAt: r.createdAt,
    category: r.category,
    status: r.status,
    title: r.title,
    client: r.client.displayName,
    tier: r.client.tier,
    butler: r.assignee?.name ?? '',
    firstResponseSeconds: r.timers[0]?.metAt
      ? (r.timers[0].metAt.getTime() - r.timers[0].startedAt.getTime()) / 1000
      : '',
    breached: r.timers[0]?.breachedAt ? 'yes' : 'no',
    closedAt: r.closedAt,
    rating: r.rating?.score ?? '',
  }))
}

// Used by the event stream: may this actor see this request at all?
export async function canSeeRequest(actor: Actor, requestId: string) {
  const found = await db.serviceRequest.findFirst({
    where: { id: requestId, ...requestScope(actor) },
    select: { id: true },
  })
  return found !== null
}

export type RequestLiveDTO = RequestSummaryDTO & { timers: TimerDTO[] }

// One row as a list shows it, plus (for staff) every clock: what a live view re-reads when an
// event names the request. Null when the actor may not see it (any more).
export async function getRequestLive(actor: Actor, id: string): Promise<RequestLiveDTO | null> {
  const [row] = await listRequests(actor, { id, take: 1 })
  if (!row) return null
  const timers = can(actor, 'request.serve')
    ? await db.slaTimer.findMany({ where: { requestId: id }, orderBy: { startedAt: 'asc' }, select: timerSelect })
    : []
  return { ...row, timers: timers.map(toTimerDTO) }
}

// A request as live views show it, read once per web process for each event that names it
// (not once per viewer): as staff see it, with every clock, and as its client sees it. Which
// one a stream receives, if any, its scope decides (lib/events/scope.ts).
export async function liveRowsOf(id: string): Promise<{ staff: RequestLiveDTO; client: RequestLiveDTO } | null> {
  const r = await db.serviceRequest.findUnique({
    where: { id },
    select: {
      ...SUMMARY_SELECT,
      timers: { orderBy: { startedAt: 'asc' }, select: timerSelect },
    },
  })
  if (!r) return null
  const newestFirst = [...r.timers].reverse()
  // As listRequests picks the headline clock: the viewer's kinds, the four newest.
  const summary = (viewer: Pick<Actor, 'role'>) => {
    const kinds = headlineKinds(viewer)
    return requestSummary(viewer, r, headlineTimer(newestFirst.filter((t) => kinds.includes(t.kind)).slice(0, 4)))
  }
  return {
    staff: { ...summary({ role: 'SUPERVISOR' }), timers: r.timers.map(toTimerDTO) },
    client: { ...summary({ role: 'CLIENT' }), timers: [] },
  }
}

// One message, for a live thread: `key` is the sender's idempotency key, shown to the sender
// only, so their pending copy is replaced rather than doubled.
export type LiveMessageDTO = MessageDTO & { requestId: string; key: string | null }

// A new message as live threads show it, read once per web process for the event that
// announces it: as staff see it and, unless it is an internal note, as the client sees it. The
// author's idempotency key comes along for their own stream only (see getMessage).
export async function liveMessageOf(id: string) {
  const m = await db.message.findUnique({
    where: { id },
    select: { ...MESSAGE_SELECT, requestId: true, authorId: true, idempotencyKey: true },
  })
  if (!m) return null
  const live = (clientView: boolean): LiveMessageDTO => ({
    ...toMessageDTO(m, clientView),
    requestId: m.requestId,
    key: null,
  })
  return {
    staff: live(false),
    client: m.visibility === 'CLIENT' ? live(true) : null,
    authorId: m.authorId,
    key: m.idempotencyKey,
  }
}

export async function getMessage(actor: Actor, id: string): Promise<LiveMessageDTO | null> {
  const clientView = !can(actor, 'request.serve')
  const m = await db.message.findFirst({
    where: { id, request: requestScope(actor), ...(clientView ? { visibility: 'CLIENT' as const } : {}) },
    select: { ...MESSAGE_SELECT, requestId: true, authorId: true, idempotencyKey: true },
  })
  if (!m) return null
  return {
    ...toMessageDTO(m, clientView),
    requestId: m.requestId,
    key: m.authorId === actor.userId ? m.idempotencyKey : null,
  }
}

const TIMELINE_ACTIONS = [
  'request.created',
  'request.replied',
  'request.status_changed',
  'request.alternative_offered',
  'request.alternative_accepted',
  'request.alternative_declined',
  'vendor_task.confirmed',
  'request.rated',
] as const
export type TimelineEntryDTO = {
  id: string
  at: string
  action: (typeof TIMELINE_ACTIONS)[number]
  status: RequestStatus | null
}

// What happened to a request, in the words a client understands; internal steps are left out.
export async function requestTimeline(actor: Actor, requestId: string): Promise<TimelineEntryDTO[]> {
  if (!(await canSeeRequest(actor, requestId))) return []
  const events = await db.auditEvent.findMany({
    where: {
      action: { in: [...TIMELINE_ACTIONS] },
      OR: [{ entityId: requestId }, { data: { path: ['requestId'], equals: requestId } }],
    },
    orderBy: { id: 'asc' },
    select: { id: true, at: true, action: true, data: true },
  })
  let replied = false
  return events.flatMap((e) => {
    // Only the first reply is a milestone; the rest belong to the conversation.
    if (e.action === 'request.replied') {
      if (replied) return []
      replied = true
    }
    const to = (e.data as { to?: RequestStatus } | null)?.to ?? null
    return [{ id: String(e.id), at: e.at.toISOString(), action: e.action as TimelineEntryDTO['action'], status: to }]
  })
}
