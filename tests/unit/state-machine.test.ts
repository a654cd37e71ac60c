import { describe, expect, it } from 'vitest'
import { canTransition, TRANSITIONS } from '../../lib/requests/state-machine'

describe('request state machine', () => {
  it('lets work move forward and back between working states', () => {
    expect(canTransition('NEW', 'IN_PROGRESS')).toBe(true)
    expect(canTransition('IN_PROGRESS', 'WAITING_CLIENT')).toBe(true)
    expect(canTransition('WAITING_CLIENT', 'IN_PROGRESS')).toBe(true)
    expect(canTransition('FULFILLED', 'CLOSED')).toBe(true)
  })
  it('refuses skipping to closed, reopening a closed request, and acknowledging by hand', () => {
    expect(canTransition('NEW', 'CLOSED')).toBe(false)
    expect(canTransition('CLOSED', 'IN_PROGRESS')).toBe(false)
    for (const from of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]) {
      expect(canTransition(from, 'ACKNOWLEDGED')).toBe(false)
      // An unmet request ends only through an alternative offered to the client ("never say no").
      expect(canTransition(from, 'ALTERNATIVE_OFFERED')).toBe(false)
    }
  })
})
