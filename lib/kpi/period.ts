import 'server-only'
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { wallTimeToUtc } from '../i18n/format'
import type { Period } from './queries'

const DAY = /^\d{4}-\d{2}-\d{2}$/
// A typed-in URL may carry "2024-13-45": treated as absent, like any other malformed day.
const isDay = (s: string | undefined): s is string => !!s && DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))
const shiftDay = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

// The supervisor picks whole days in their own zone; "to" is inclusive. Default: 30 days.
export function parsePeriod(from: string | undefined, to: string | undefined, timeZone: string, now = new Date()) {
  const today = format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd')
  const toDay = isDay(to) ? to : today
  const fromDay = isDay(from) && from <= toDay ? from : shiftDay(toDay, -29)
  const period: Period = {
    from: wallTimeToUtc(`${fromDay}T00:00`, timeZone),
    to: wallTimeToUtc(`${shiftDay(toDay, 1)}T00:00`, timeZone),
  }
  return { fromDay, toDay, period }
}

// The same, read from an export URL's ?from=&to=.
export function periodFromUrl(url: string, timeZone: string) {
  const sp = new URL(url).searchParams
  return { ...parsePeriod(sp.get('from') ?? undefined, sp.get('to') ?? undefined, timeZone), searchParams: sp }
}
