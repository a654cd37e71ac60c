import type { Role } from '../generated/prisma/enums'
import { AppError } from '../errors'

// Who may do what, named once. Pages, layouts, actions, route handlers, services and the header
// all ask this module; ownership (which client, which request) is decided by the scoped queries
// in scope.ts on top of it.

const CLIENT_SIDE = ['CLIENT', 'DELEGATE'] as const satisfies readonly Role[]
const REQUEST_STAFF = ['BUTLER', 'SUPERVISOR'] as const satisfies readonly Role[]
const STAFF = ['BUTLER', 'SUPERVISOR', 'ADMIN'] as const satisfies readonly Role[]
const EVERYONE = [...CLIENT_SIDE, ...STAFF] as const satisfies readonly Role[]

// The roles that sign in to the staff side (for lists of colleagues and staff accounts).
export const STAFF_ROLES = STAFF

const ABILITIES = {
  // A client or their delegate acting in the portal: submit, write, decide, rate, own settings.
  'portal.use': CLIENT_SIDE,
  // The client's own profile: preferences, family, key dates and who may act for them.
  'profile.manage': ['CLIENT'],
  // Serving requests: reply, status, alternatives, transfers, hand-offs, vendor tasks, checklists,
  // client notes, PII reveals, proactive care and the duty toggle.
  'request.serve': REQUEST_STAFF,
  // Only butlers take offered requests into their own hands.
  'request.take': ['BUTLER'],
  'performance.own': ['BUTLER'],
  'attachment.upload': [...CLIENT_SIDE, ...REQUEST_STAFF],
  // Taking part in a request's conversation: read markers (which requests is decided by scope).
  'thread.read': [...CLIENT_SIDE, ...REQUEST_STAFF],
  // Running the team: the live board, KPIs and exports, quality, roster, assignments, approvals.
  'team.lead': ['SUPERVISOR'],
  'audit.read': ['SUPERVISOR', 'ADMIN'],
  'staff.list': ['SUPERVISOR', 'ADMIN'],
  // Staff accounts, vendors, categories, processes, SLA policies, second-factor resets.
  'system.configure': ['ADMIN'],
  // Erasing a departed client's personal data (PIPL / GDPR); cannot be undone.
  'privacy.erase': ['ADMIN'],
  'secondFactor.use': STAFF,
  // Staff put a face to their name: their own photo, shown to the clients they serve.
  'photo.own': STAFF,
  // Anything every signed-in user has: their password, the event stream, attachment downloads
  // (which attachments is decided by scope).
  'account.use': EVERYONE,
} as const satisfies Record<string, readonly Role[]>

export type Ability = keyof typeof ABILITIES

export const rolesFor = (ability: Ability): readonly Role[] => ABILITIES[ability]

// Fails closed: an unknown role or ability is refused.
export function can(actor: { role: Role } | null | undefined, ability: Ability): boolean {
  if (!actor) return false
  const roles: readonly Role[] | undefined = ABILITIES[ability]
  return roles?.includes(actor.role) ?? false
}

export function assertCan(actor: { role: Role }, ability: Ability): void {
  if (!can(actor, ability)) throw new AppError('FORBIDDEN', 'errors.forbidden')
}

// Each audience has a home; a signed-in user sent to the wrong one lands on their own.
const HOME: Record<Role, string> = {
  CLIENT: '/portal',
  DELEGATE: '/portal',
  BUTLER: '/console',
  SUPERVISOR: '/supervisor',
  ADMIN: '/admin',
}

export function homePathFor(role: Role): string {
  return HOME[role] ?? '/login'
}
