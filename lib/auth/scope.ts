import type { Prisma } from '../generated/prisma/client'
import type { Actor } from './roles'

// Ownership lives in the query: every read or write of a request goes through this filter.
// Unknown roles get a filter that matches nothing (fail closed).
export function requestScope(actor: Actor): Prisma.ServiceRequestWhereInput {
  switch (actor.role) {
    case 'CLIENT':
    case 'DELEGATE':
      return { clientId: { in: actor.clientIds } }
    case 'BUTLER':
      return {
        OR: [
          { assigneeId: actor.userId },
          { client: { dedicatedButlerId: actor.userId } },
          { client: { backupButlerId: actor.userId } },
          // A colleague who owns an open second-line hand-off needs the request to do it.
          { handoffs: { some: { ownerId: actor.userId, status: 'OPEN' as const } } },
          // Unanswered requests offered to the whole team reach whoever is on duty.
          ...(actor.onDuty ? [{ offerStage: 'ALL' as const }] : []),
        ],
      }
    case 'SUPERVISOR':
      return {}
    default:
      return { id: { in: [] } }
  }
}

// requestScope as SQL over the request `r` and its client `c`, for raw reads: `user` and
// `clientIds` are the placeholders that hold actor.userId and actor.clientIds (a text[]). An
// integration test checks it agrees with requestScope for every role.
export function requestScopeSql(actor: Actor, user: string, clientIds: string) {
  switch (actor.role) {
    case 'CLIENT':
    case 'DELEGATE':
      return `r."clientId" = ANY(${clientIds}::text[])`
    case 'BUTLER':
      return `(r."assigneeId" = ${user} OR c."dedicatedButlerId" = ${user} OR c."backupButlerId" = ${user}
        OR EXISTS (SELECT 1 FROM "Handoff" hf WHERE hf."requestId" = r.id AND hf."ownerId" = ${user} AND hf.status = 'OPEN')
        ${actor.onDuty ? `OR r."offerStage" = 'ALL'` : ''})`
    case 'SUPERVISOR':
      return 'TRUE'
    default:
      return 'FALSE'
  }
}

// The joins a raw read of rows that belong to a request needs to apply requestScopeSql: the
// request `r` (joined on `requestIdColumn`) and its client `c`, and $1 and $2 typed as the
// viewer and their clients (pass actor.userId and actor.clientIds as the first two parameters).
export const scopedRequestJoin = (requestIdColumn: string) => `
  JOIN "ServiceRequest" r ON r.id = ${requestIdColumn}
  JOIN "Client" c ON c.id = r."clientId"
  ${VIEWER_PARAMS}`

// clientScope as SQL over the client `c`, for raw reads; placeholders as requestScopeSql's.
export function clientScopeSql(actor: Actor, user: string, clientIds: string) {
  switch (actor.role) {
    case 'CLIENT':
    case 'DELEGATE':
      return `c.id = ANY(${clientIds}::text[])`
    case 'BUTLER':
      return `(c."dedicatedButlerId" = ${user} OR c."backupButlerId" = ${user}
        OR EXISTS (SELECT 1 FROM "ServiceRequest" cr WHERE cr."clientId" = c.id AND cr."assigneeId" = ${user} AND cr.status <> 'CLOSED'))`
    case 'SUPERVISOR':
      return 'TRUE'
    default:
      return 'FALSE'
  }
}

// $1 and $2 typed as the viewer and their clients, for a raw read that may use either.
export const VIEWER_PARAMS = `CROSS JOIN (SELECT $1::text AS viewer, $2::text[] AS clients) AS params`

export function clientScope(actor: Actor): Prisma.ClientWhereInput {
  switch (actor.role) {
    case 'CLIENT':
    case 'DELEGATE':
      return { id: { in: actor.clientIds } }
    case 'BUTLER':
      return {
        OR: [
          { dedicatedButlerId: actor.userId },
          { backupButlerId: actor.userId },
          // Covering a client's open request brings their notes and preferences with it.
          { requests: { some: { assigneeId: actor.userId, status: { not: 'CLOSED' } } } },
        ],
      }
    case 'SUPERVISOR':
      return {}
    default:
      return { id: { in: [] } }
  }
}

// Whose photo the actor may see: their own, any colleague's (staff see each other), and for a
// client or delegate only the staff who serve them: their dedicated and backup butlers, whoever
// handles or handled one of their requests, and whoever wrote to them in one. Unknown roles
// see nobody's (fail closed).
export function staffPhotoScope(actor: Actor): Prisma.UserWhereInput {
  switch (actor.role) {
    case 'BUTLER':
    case 'SUPERVISOR':
    case 'ADMIN':
      return {}
    case 'CLIENT':
    case 'DELEGATE': {
      const ofMine = { id: { in: actor.clientIds } }
      return {
        OR: [
          { dedicatedFor: { some: ofMine } },
          { backupFor: { some: ofMine } },
          { assigned: { some: { clientId: { in: actor.clientIds } } } },
          { messages: { some: { visibility: 'CLIENT' as const, request: { clientId: { in: actor.clientIds } } } } },
        ],
      }
    }
    default:
      return { id: { in: [] } }
  }
}
