import { describe, expect, it } from 'vitest'
import { nextOccurrence, withinLead } from '../../lib/care/dates'

const d = (s: string) => new Date(`${s}T00:00:00Z`)

describe('key date occurrences', () => {
  it('finds this year’s date, or next year’s once it has passed', () => {
    expect(nextOccurrence(d('1975-12-01'), d('2026-11-22')).toISOString().slice(0, 10)).toBe('2026-12-01')
    expect(nextOccurrence(d('1975-03-01'), d('2026-11-22')).toISOString().slice(0, 10)).toBe('2027-03-01')
    expect(nextOccurrence(d('1975-11-22'), new Date('2026-11-22T23:59:00Z')).toISOString().slice(0, 10)).toBe(
      '2026-11-22',
    )
  })
  it('puts 29 February on 28 February in other years', () => {
    expect(nextOccurrence(d('1980-02-29'), d('2027-01-10')).toISOString().slice(0, 10)).toBe('2027-02-28')
    expect(nextOccurrence(d('1980-02-29'), d('2028-01-10')).toISOString().slice(0, 10)).toBe('2028-02-29')
  })
  it('is within the lead window from today to today + lead days, inclusive', () => {
    expect(withinLead(d('2026-11-29'), d('2026-11-22'), 7)).toBe(true)
    expect(withinLead(d('2026-11-30'), d('2026-11-22'), 7)).toBe(false)
    expect(withinLead(d('2026-11-21'), d('2026-11-22'), 7)).toBe(false)
  })
})
