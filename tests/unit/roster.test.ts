import { describe, expect, it } from 'vitest'
import { uncoveredHours } from '../../lib/roster/coverage'

const at = (h: number) => new Date(Date.UTC(2026, 10, 23, h))
const shift = (from: number, to: number, isBackup = false) => ({ startsAt: at(from), endsAt: at(to), isBackup })

describe('roster coverage', () => {
  it('finds the hours no primary shift covers', () => {
    const gaps = uncoveredHours([shift(0, 8), shift(8, 16), shift(18, 24)], at(0), 24)
    expect(gaps.map((d) => d.getUTCHours())).toEqual([16, 17])
  })
  it('does not count a backup shift as cover, and needs the whole hour covered', () => {
    expect(uncoveredHours([shift(0, 24, true)], at(0), 2)).toHaveLength(2)
    const half = { startsAt: new Date(at(0).getTime() + 30 * 60_000), endsAt: at(2), isBackup: false }
    expect(uncoveredHours([half], at(0), 2).map((d) => d.getUTCHours())).toEqual([0])
  })
  it('overlapping shifts together cover the day', () => {
    expect(uncoveredHours([shift(0, 13), shift(12, 24)], at(0), 24)).toEqual([])
  })
})
