import 'server-only'
import { db, rawDb } from '../db'
import { instant } from '../db/raw'
import type { Actor } from '../auth/roles'
import { clientScope, clientScopeSql, VIEWER_PARAMS } from '../auth/scope'
import { recordAudit } from '../audit/record'
import { assertCan } from '../auth/policy'
import { maskId, maskPhone } from './mask'
import { REQUEST_HEADLINE, requestHeadline } from '../requests/queries'
import { PHOTO_KEY, staffPhotoUrl } from '../staff/photo-url'

type ButlerCardDTO = { name: string; onDuty: boolean; photoUrl: string | null }
export type PortalClientDTO = {
  id: string
  displayName: string
  timeZone: string
  butler: ButlerCardDTO | null
  backup: ButlerCardDTO | null
  family: { name: string; relation: string }[]
  preferences: { topic: string; value: string }[]
}

const butlerCard = (
  b: { id: string; name: string; onDuty: boolean; photo: { storageKey: string } | null } | null,
): ButlerCardDTO | null => (b ? { name: b.name, onDuty: b.onDuty, photoUrl: staffPhotoUrl(b.id, b.photo) } : null)

// The clients this portal user acts for, with who serves them.
export async function portalClients(actor: Actor): Promise<PortalClientDTO[]> {
  const rows = await db.client.findMany({
    where: clientScope(actor),
    orderBy: { displayName: 'asc' },
    select: {
      id: true,
      displayName: true,
      timeZone: true,
      dedicatedButler: { select: { name: true, onDuty: true, ...PHOTO_KEY } },
      backupButler: { select: { name: true, onDuty: true, ...PHOTO_KEY } },
      family: { orderBy: { name: 'asc' }, select: { name: true, relation: true } },
      preferences: { orderBy: { topic: 'asc' }, select: { topic: true, value: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    timeZone: r.timeZone,
    butler: butlerCard(r.dedicatedButler),
    backup: butlerCard(r.backupButler),
    family: r.family,
    preferences: r.preferences,
  }))
}

// A key date as the client 360 shows it and as care plans around it.
export const KEY_DATE = {
  id: true,
  kind: true,
  label: true,
  date: true,
  recurring: true,
  familyMember: { select: { name: true } },
} as const

// The whole client on one screen, for staff who serve or cover them. Every view is audited;
// phone and ID numbers arrive masked (revealing one is a separate, audited action).
// The client's own record as staff and the client's data download both show it.
export const CLIENT_PROFILE = {
  id: true,
  displayName: true,
  tier: true,
  timeZone: true,
  language: true,
  phone: true,
  idDocument: true,
  createdAt: true,
} as const

export async function getClient360(actor: Actor, clientId: string) {
  assertCan(actor, 'request.serve')
  const c = await db.client.findFirst({
    where: { id: clientId, ...clientScope(actor) },
    select: {
      ...CLIENT_PROFILE,
      dedicatedButler: { select: { name: true, onDuty: true } },
      backupButler: { select: { name: true, onDuty: true } },
      family: {
        orderBy: { name: 'asc' },
        select: { id: true, name: true, relation: true, birthday: true, phone: true },
      },
      delegates: {
        orderBy: { invitedAt: 'asc' },
        select: { id: true, relation: true, status: true, user: { select: { name: true } } },
      },
      keyDates: { orderBy: { date: 'asc' }, select: KEY_DATE },
      preferences: { orderBy: { topic: 'asc' }, select: { id: true, topic: true, value: true } },
      notes: {
        orderBy: [{ pinned: 'desc' }, { createdAt: 'desc' }],
        take: 100,
        select: { id: true, body: true, pinned: true, createdAt: true, author: { select: { name: true } } },
      },
      requests: {
        orderBy: { createdAt: 'desc' },
        take: 100,
        select: {
          ...REQUEST_HEADLINE,
          closedAt: true,
          rating: { select: { score: true, comment: true } },
          alternatives: { where: { status: 'ACCEPTED' }, select: { id: true } },
          vendorTasks: { select: { vendor: { select: { id: true, name: true, kind: true } } } },
        },
      },
    },
  })
  if (!c) return null
  await db.$transaction((tx) => recordAudit(tx, actor.userId, 'client.viewed', 'Client', c.id, { clientId: c.id }))
  const vendors = new Map<string, { id: string; name: string; kind: string; uses: number }>()
  for (const r of c.requests)
    for (const t of r.vendorTasks) {
      const v = vendors.get(t.vendor.id) ?? { ...t.vendor, uses: 0 }
      v.uses++
      vendors.set(t.vendor.id, v)
    }
  const iso = (d: Date | null) => d?.toISOString() ?? null
  return {
    id: c.id,
    displayName: c.displayName,
    tier: c.tier,
    timeZone: c.timeZone,
    language: c.language,
    phoneMasked: maskPhone(c.phone),
    idMasked: maskId(c.idDocument),
    clientSince: c.createdAt.toISOString(),
    dedicatedButler: c.dedicatedButler,
    backupButler: c.backupButler,
    family: c.family.map((f) => ({
      id: f.id,
      name: f.name,
      relation: f.relation,
      birthday: iso(f.birthday),
      phoneMasked: maskPhone(f.phone),
    })),
    delegates: c.delegates.map((d) => ({
      id: d.id,
      name: d.user?.name ?? null,
      relation: d.relation,
      status: d.status,
    })),
    keyDates: c.keyDates.map((k) => ({
      id: k.id,
      kind: k.kind,
      label: k.label,
      date: k.date.toISOString().slice(0, 10),
      recurring: k.recurring,
      who: k.familyMember?.name ?? null,
    })),
    preferences: c.preferences,
    notes: c.notes.map((n) => ({
      id: n.id,
      body: n.body,
      pinned: n.pinned,
      createdAt: n.createdAt.toISOString(),
      authorName: n.author.name,
    })),
    requests: c.requests.map((r) => ({
      ...requestHeadline(r),
      closedAt: iso(r.closedAt),
      rating: r.rating?.score ?? null,
      ratingComment: r.rating?.comment ?? null,
      outcome:
        r.alternatives.length > 0
          ? ('ALTERNATIVE' as const)
          : r.status === 'FULFILLED' || r.status === 'CLOSED'
            ? ('FULFILLED' as const)
            : null,
    })),
    vendorsUsed: [...vendors.values()].sort((a, b) => b.uses - a.uses),
  }
}

// The notes that travel with every request of a client: pinned first, then the latest. Client
// scope, not request scope: a colleague offered a request does not read the client's notes.
// `clientId` and `limit` are SQL; $1 is the actor and $2 their clients.
const clientNotesSql = (actor: Actor, clientId: string, limit: string) =>
  `SELECT n.id, n.body, n.pinned, n."createdAt", u.name AS "authorName"
   FROM "ClientNote" n JOIN "Client" c ON c.id = n."clientId" JOIN "User" u ON u.id = n."authorId" ${VIEWER_PARAMS}
   WHERE n."clientId" = ${clientId} AND ${clientScopeSql(actor, '$1', '$2')}
   ORDER BY n.pinned DESC, n."createdAt" DESC LIMIT ${limit}`

const REQUEST_NOTES = 5

// The notes of request $3's client, as the request page shows them.
export const requestNotesSql = (actor: Actor) =>
  clientNotesSql(actor, `(SELECT rq."clientId" FROM "ServiceRequest" rq WHERE rq.id = $3)`, String(REQUEST_NOTES))

type NoteRow = { id: string; body: string; pinned: boolean; createdAt: Date | string; authorName: string }
export const toNoteView = (n: NoteRow) => ({ ...n, createdAt: instant(n.createdAt).toISOString() })

export async function notesForRequestView(actor: Actor, clientId: string, take = REQUEST_NOTES) {
  assertCan(actor, 'request.serve')
  const notes = await rawDb.$queryRawUnsafe<NoteRow[]>(
    clientNotesSql(actor, '$3', '$4'),
    actor.userId,
    actor.clientIds,
    clientId,
    take,
  )
  return notes.map(toNoteView)
}
