import type { Role } from '../generated/prisma/enums'

export const STAFF_ROLES = ['BUTLER', 'SUPERVISOR', 'ADMIN'] as const satisfies readonly Role[]
export const CLIENT_ROLES = ['CLIENT', 'DELEGATE'] as const satisfies readonly Role[]
export const SIGNED_IN_ROLES = [...CLIENT_ROLES, ...STAFF_ROLES] as const satisfies readonly Role[]

export type Actor = {
  userId: string
  sessionId: string
  role: Role
  name: string
  locale: 'zh_CN' | 'en'
  timeZone: string
  // Staff availability; drives who may take requests offered to anyone on duty.
  onDuty: boolean
  // The clients this actor may act for: their own profile, or the clients who delegated to them.
  clientIds: string[]
  secondFactorOn: boolean
  // A supervisor or admin without an authenticator may only set one up (see two-factor.ts).
  mustEnrollSecondFactor: boolean
}

export const isStaff = (a: Pick<Actor, 'role'>) => (STAFF_ROLES as readonly string[]).includes(a.role)
export const isClientSide = (a: Pick<Actor, 'role'>) => (CLIENT_ROLES as readonly string[]).includes(a.role)

// Where each audience lands after sign-in.
export function homePathFor(role: Role): string {
  switch (role) {
    case 'CLIENT':
    case 'DELEGATE':
      return '/portal'
    case 'BUTLER':
      return '/console'
    case 'SUPERVISOR':
      return '/supervisor'
    case 'ADMIN':
      return '/admin'
    default:
      return '/login'
  }
}
