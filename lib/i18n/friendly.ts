// Dates, durations and zones as a person would write them, in the viewer's language and zone:
// "Today 17:39" / "今天 17:39", "3 h 57 min" / "3 小时 57 分", "London (GMT+0)" / "伦敦 (GMT+0)".
// Pure Intl, no React: the same words on the server, in the browser and in e-mails.
import { cityNameOf } from './zones'

export type FriendlyLocale = 'en' | 'zh-CN'

const DAY_MS = 86_400_000
// English dates are written day-first ("24 Nov"), as the bank's clients in London and Hong Kong read them.
const INTL_LOCALE: Record<FriendlyLocale, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' }
const formatters = new Map<string, Intl.DateTimeFormat>()

// Intl formatters are costly to build; a page formats hundreds of times with a handful of options.
function dateTimeFormat(locale: FriendlyLocale, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone })
    formatters.set(key, f)
  }
  return f
}

// The calendar day of an instant where the viewer is, as a day number comparable by subtraction.
function dayNumber(at: Date, timeZone: string) {
  const parts = dateTimeFormat('en', timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / DAY_MS)
}

// "Yesterday", "Today", "Tomorrow" (今天…): six words, made once.
const dayWords = new Map<string, string>()
function relativeDayWord(locale: FriendlyLocale, offset: -1 | 0 | 1) {
  const key = `${locale}|${offset}`
  let word = dayWords.get(key)
  if (word === undefined) {
    const plain = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(offset, 'day')
    word = locale === 'en' ? plain.charAt(0).toUpperCase() + plain.slice(1) : plain
    dayWords.set(key, word)
  }
  return word
}

type When = { timeZone: string; locale: FriendlyLocale; now?: Date }

/** "17:39" in the viewer's zone. */
export function formatTime(at: Date | string, { timeZone, locale }: When) {
  return dateTimeFormat(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at))
}

/** A calendar day: "Today", "Yesterday", "24 Nov", "27 Nov 1980" (今天, 昨天, 11月24日, 1980年11月27日). */
export function formatDay(at: Date | string, when: When) {
  const date = new Date(at)
  const now = when.now ?? new Date()
  const offset = dayNumber(date, when.timeZone) - dayNumber(now, when.timeZone)
  if (offset === 0 || offset === -1 || offset === 1) return relativeDayWord(when.locale, offset)
  const sameYear =
    dateTimeFormat('en', when.timeZone, { year: 'numeric' }).format(date) ===
    dateTimeFormat('en', when.timeZone, { year: 'numeric' }).format(now)
  return dateTimeFormat(when.locale, when.timeZone, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date)
}

/** A birthday or other date that has no zone ("1980-11-27"): never shifted by the viewer's zone. */
export function formatCalendarDate(isoDate: string, locale: FriendlyLocale) {
  return dateTimeFormat(locale, 'UTC', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  )
}

/** A moment: "Today 17:39", "Yesterday 09:02", "24 Nov 17:39", "24 Nov 2025 17:39". */
export function formatWhen(at: Date | string, when: When) {
  return `${formatDay(at, when)} ${formatTime(at, when)}`
}

const UNITS: Record<FriendlyLocale, { d: string; h: string; min: string; minAlone: string; s: string; sep: string }> = {
  en: { d: 'd', h: 'h', min: 'min', minAlone: 'min', s: 's', sep: ' ' },
  'zh-CN': { d: '天', h: '小时', min: '分', minAlone: '分钟', s: '秒', sep: ' ' },
}

/**
 * A length of time, rounded to what a person would say: "18 s", "7 min", "3 h 57 min", "2 d 3 h"
 * ("18 秒", "7 分钟", "3 小时 57 分", "2 天 3 小时"). Negative lengths are shown by their size;
 * the caller says whether it is overdue.
 */
export function formatDuration(ms: number, locale: FriendlyLocale) {
  const u = UNITS[locale]
  const totalSeconds = Math.floor(Math.abs(ms) / 1000)
  const join = (n: number, unit: string) => `${n}${u.sep}${unit}`
  if (totalSeconds < 60) return join(totalSeconds, u.s)
  const totalMinutes = Math.floor(totalSeconds / 60)
  if (totalMinutes < 60) return join(totalMinutes, u.minAlone)
  const totalHours = Math.floor(totalMinutes / 60)
  if (totalHours < 24) {
    const minutes = totalMinutes % 60
    return minutes ? `${join(totalHours, u.h)} ${join(minutes, u.min)}` : join(totalHours, u.h)
  }
  const days = Math.floor(totalHours / 24)
  const hours = totalHours % 24
  return hours ? `${join(days, u.d)} ${join(hours, u.h)}` : join(days, u.d)
}

/** A live countdown that still moves every second near the end: "2:41" under an hour, else a duration. */
export function formatCountdown(ms: number, locale: FriendlyLocale) {
  const total = Math.floor(Math.abs(ms) / 1000)
  if (total >= 3600) return formatDuration(ms, locale)
  return `${Math.floor(total / 60)}:${(total % 60).toString().padStart(2, '0')}`
}

/** The zone's offset now, as people read it: "GMT+8", "GMT+0", "GMT-4:30". */
export function zoneOffset(timeZone: string, at: Date = new Date()) {
  const part = dateTimeFormat('en', timeZone, { timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value
  return !part || part === 'GMT' ? 'GMT+0' : part
}

/** A zone by its city and offset: "London (GMT+0)", "伦敦 (GMT+0)". */
export function formatZone(timeZone: string, locale: FriendlyLocale, at: Date = new Date()) {
  return `${cityNameOf(timeZone, locale)} (${zoneOffset(timeZone, at)})`
}
