import 'server-only'
import { can } from '../auth/policy'
import type { Actor } from '../auth/roles'
import type { RequestEvent } from './publish'

// What an open stream remembers of its user: enough to decide, without a query, which events
// reach them. Refreshed from the database only when a scope event names the user.
export type StreamScope = Pick<Actor, 'userId' | 'sessionId' | 'role' | 'clientIds'>

export const scopeOf = (actor: Actor): StreamScope => ({
  userId: actor.userId,
  sessionId: actor.sessionId,
  role: actor.role,
  clientIds: [...actor.clientIds],
})

// The in-memory twin of requestScope (lib/auth/scope.ts), fed by the audience the event
// carries. Clients and delegates also need the client among their own, so an event whose
// audience was read just before a revocation committed still stops at a re-scoped stream;
// internal notes never reach them. Unknown roles receive nothing.
export function mayReceive(scope: StreamScope, event: RequestEvent): boolean {
  // An event without its audience reaches only supervisors (fail closed).
  if (!Array.isArray(event.audience)) return can(scope, 'team.lead')
  if (can(scope, 'portal.use')) {
    if (event.type === 'message.created' && event.internal) return false
    return scope.clientIds.includes(event.clientId) && event.audience.includes(scope.userId)
  }
  if (can(scope, 'team.lead')) return true
  if (can(scope, 'request.serve')) return event.audience.includes(scope.userId)
  return false
}
