import { describe, expect, it } from 'vitest'
import { clockState, remainingMs, resumeShift } from '../../lib/sla/clock'
import { formatInZone, wallTimeToUtc } from '../../lib/i18n/format'

const start = new Date('2026-11-22T12:00:00.000Z')
const at = (ms: number) => new Date(start.getTime() + ms)
const clock = (o: Partial<Parameters<typeof clockState>[0]> = {}) => ({
  startedAt: start,
  dueAt: at(180_000),
  atRiskAt: at(120_000),
  pausedAt: null,
  metAt: null,
  breachedAt: null,
  cancelledAt: null,
  ...o,
})

describe('response clock rules', () => {
  it('is on track, then at risk at 2:00, and breached exactly at 3:00', () => {
    expect(clockState(clock(), at(119_999))).toBe('ON_TRACK')
    expect(clockState(clock(), at(120_000))).toBe('AT_RISK')
    expect(clockState(clock(), at(179_999))).toBe('AT_RISK')
    expect(clockState(clock(), at(180_000))).toBe('BREACHED')
  })

  it('a reply at 2:59 is met; a reply after the deadline is not', () => {
    expect(clockState(clock({ metAt: at(179_000) }), at(200_000))).toBe('MET')
    expect(clockState(clock({ metAt: at(181_000) }), at(200_000))).toBe('BREACHED')
  })

  it('a paused clock keeps the time it had left; resuming shifts by the paused time', () => {
    const paused = clock({ pausedAt: at(60_000) })
    expect(clockState(paused, at(500_000))).toBe('PAUSED')
    expect(remainingMs(paused, at(500_000))).toBe(120_000)
    expect(resumeShift(at(60_000), at(90_000))).toBe(30_000)
  })

  it('formats times in the viewer’s zone', () => {
    expect(formatInZone('2026-11-22T16:30:00Z', 'Asia/Shanghai')).toBe('2026-11-23 00:30')
    expect(formatInZone('2026-11-22T16:30:00Z', 'Europe/London', 'HH:mm')).toBe('16:30')
    expect(wallTimeToUtc('2026-11-23T08:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-23T00:00:00.000Z')
  })
})
