import { describe, expect, it } from 'vitest'
import {
  formatCalendarDate,
  formatCountdown,
  formatDay,
  formatDuration,
  formatTime,
  formatWhen,
  formatZone,
} from '@/lib/i18n/friendly'

const now = new Date('2026-11-24T09:39:00Z') // 17:39 in Shanghai
const shanghai = 'Asia/Shanghai'

describe('friendly dates', () => {
  it('says today, yesterday and tomorrow in the viewer zone and language', () => {
    expect(formatWhen(now, { timeZone: shanghai, locale: 'en', now })).toBe('Today 17:39')
    expect(formatWhen(now, { timeZone: shanghai, locale: 'zh-CN', now })).toBe('今天 17:39')
    const lastNight = new Date('2026-11-23T15:10:00Z') // 23:10 yesterday in Shanghai
    expect(formatWhen(lastNight, { timeZone: shanghai, locale: 'en', now })).toBe('Yesterday 23:10')
    expect(formatWhen(lastNight, { timeZone: shanghai, locale: 'zh-CN', now })).toBe('昨天 23:10')
    // Past midnight in Shanghai is still yesterday evening for a viewer in London.
    const earlyHours = new Date('2026-11-23T17:10:00Z')
    expect(formatWhen(earlyHours, { timeZone: shanghai, locale: 'en', now })).toBe('Today 01:10')
    expect(formatWhen(earlyHours, { timeZone: 'Europe/London', locale: 'en', now })).toBe('Yesterday 17:10')
  })

  it('names the day and month within the year, and the year beyond it', () => {
    const earlier = new Date('2026-03-05T02:00:00Z')
    expect(formatDay(earlier, { timeZone: shanghai, locale: 'en', now })).toBe('5 Mar')
    expect(formatDay(earlier, { timeZone: shanghai, locale: 'zh-CN', now })).toBe('3月5日')
    const lastYear = new Date('2025-12-31T20:00:00Z') // already 1 Jan 2026 in Shanghai
    expect(formatDay(lastYear, { timeZone: shanghai, locale: 'en', now })).toBe('1 Jan')
    expect(formatDay(lastYear, { timeZone: 'Europe/London', locale: 'en', now })).toBe('31 Dec 2025')
    expect(formatDay(lastYear, { timeZone: 'Europe/London', locale: 'zh-CN', now })).toBe('2025年12月31日')
  })

  it('never shifts a birthday by zone', () => {
    expect(formatCalendarDate('1980-11-27', 'en')).toBe('27 November 1980')
    expect(formatCalendarDate('1980-11-27', 'zh-CN')).toBe('1980年11月27日')
  })

  it('uses the 24-hour clock in both languages', () => {
    expect(formatTime(new Date('2026-11-24T00:05:00Z'), { timeZone: shanghai, locale: 'en' })).toBe('08:05')
  })
})

describe('friendly durations', () => {
  it('rounds to what a person would say', () => {
    expect(formatDuration(18_400, 'en')).toBe('18 s')
    expect(formatDuration(18_400, 'zh-CN')).toBe('18 秒')
    expect(formatDuration(7 * 60_000 + 59_000, 'en')).toBe('7 min')
    expect(formatDuration(7 * 60_000, 'zh-CN')).toBe('7 分钟')
    expect(formatDuration((3 * 60 + 57) * 60_000, 'en')).toBe('3 h 57 min')
    expect(formatDuration((3 * 60 + 57) * 60_000, 'zh-CN')).toBe('3 小时 57 分')
    expect(formatDuration(2 * 3_600_000, 'en')).toBe('2 h')
    expect(formatDuration((51 * 60 + 10) * 60_000, 'en')).toBe('2 d 3 h')
    expect(formatDuration((51 * 60 + 10) * 60_000, 'zh-CN')).toBe('2 天 3 小时')
    expect(formatDuration(-7 * 60_000, 'en')).toBe('7 min')
  })

  it('counts down by the second only in the last hour', () => {
    expect(formatCountdown(161_000, 'en')).toBe('2:41')
    expect(formatCountdown(-5_000, 'en')).toBe('0:05')
    expect(formatCountdown((237 * 60 + 25) * 1000, 'en')).toBe('3 h 57 min')
  })
})

describe('zones', () => {
  it('reads a zone by its city and offset', () => {
    const winter = new Date('2026-01-15T12:00:00Z')
    expect(formatZone('Europe/London', 'zh-CN', winter)).toBe('伦敦 (GMT+0)')
    expect(formatZone('Europe/London', 'en', new Date('2026-07-01T12:00:00Z'))).toBe('London (GMT+1)')
    expect(formatZone('Asia/Shanghai', 'en', winter)).toBe('Shanghai (GMT+8)')
    expect(formatZone('Asia/Kolkata', 'en', winter)).toBe('Kolkata (GMT+5:30)')
  })
})
