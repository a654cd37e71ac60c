import type { RequestStatus } from '../generated/prisma/enums'
export type { RequestStatus }

// Where a request may go next by a butler's hand. ACKNOWLEDGED is reached only by the first
// client-visible reply; ALTERNATIVE_OFFERED only by recording an alternative ("never say no").
export const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  NEW: ['IN_PROGRESS', 'WAITING_CLIENT', 'WAITING_VENDOR', 'FULFILLED'],
  ACKNOWLEDGED: ['IN_PROGRESS', 'WAITING_CLIENT', 'WAITING_VENDOR', 'FULFILLED'],
  IN_PROGRESS: ['WAITING_CLIENT', 'WAITING_VENDOR', 'FULFILLED'],
  WAITING_CLIENT: ['IN_PROGRESS', 'WAITING_VENDOR', 'FULFILLED'],
  WAITING_VENDOR: ['IN_PROGRESS', 'WAITING_CLIENT', 'FULFILLED'],
  FULFILLED: ['IN_PROGRESS', 'CLOSED'],
  ALTERNATIVE_OFFERED: ['IN_PROGRESS', 'CLOSED'],
  CLOSED: [],
}

export const OPEN_STATUSES: readonly RequestStatus[] = [
  'NEW',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'WAITING_CLIENT',
  'WAITING_VENDOR',
  'ALTERNATIVE_OFFERED',
]

// Reaching one of these meets the resolution clock.
export const RESOLVED_STATUSES: readonly RequestStatus[] = ['FULFILLED', 'ALTERNATIVE_OFFERED', 'CLOSED']

export function canTransition(from: RequestStatus, to: RequestStatus) {
  return TRANSITIONS[from].includes(to)
}

// "Never say no": a request that cannot be met in full ends only through an alternative.
export function canOfferAlternative(from: RequestStatus) {
  return OPEN_STATUSES.includes(from) && from !== 'ALTERNATIVE_OFFERED'
}
