// Date-only arithmetic in UTC days: key dates are calendar dates, not instants.
const DAY = 86_400_000

export const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY)

// The next time a yearly date comes round, on or after `from`. 29 February falls on
// 28 February in other years.
export function nextOccurrence(date: Date, from: Date): Date {
  const start = utcDay(from)
  for (const year of [start.getUTCFullYear(), start.getUTCFullYear() + 1]) {
    const month = date.getUTCMonth()
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
    const candidate = new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)))
    if (candidate.getTime() >= start.getTime()) return candidate
  }
  throw new Error('unreachable')
}

export function withinLead(day: Date, from: Date, leadDays: number) {
  const start = utcDay(from)
  return day.getTime() >= start.getTime() && day.getTime() <= addDays(start, leadDays).getTime()
}
