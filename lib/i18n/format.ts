import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

// Every time is stored in UTC and shown in the viewer's zone.
export function formatInZone(iso: string | Date, timeZone: string, pattern = 'yyyy-MM-dd HH:mm') {
  return format(new TZDate(new Date(iso).getTime(), timeZone), pattern)
}

// Today's calendar date where the viewer is.
export function todayIn(timeZone: string) {
  return formatInZone(new Date(), timeZone, 'yyyy-MM-dd')
}

// A <input type="datetime-local"> value ("2026-11-23T10:00") is wall time in the user's zone.
export function wallTimeToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local)
  if (!m) return new Date(local)
  const [, y, mo, d, h, mi] = m.map(Number)
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime())
}
