// Pure clock rules, shared by the server (decisions) and the browser (countdowns).
export type ClockState = 'MET' | 'BREACHED' | 'PAUSED' | 'AT_RISK' | 'ON_TRACK' | 'CANCELLED'

export type ClockTimes = {
  startedAt: Date
  dueAt: Date
  atRiskAt: Date | null
  pausedAt: Date | null
  metAt: Date | null
  breachedAt: Date | null
  cancelledAt: Date | null
}

// A clock is breached at its deadline exactly: 2:59.999 is in time, 3:00.000 is not.
function isPastDeadline(dueAt: Date, now: Date) {
  return now.getTime() >= dueAt.getTime()
}

export function clockState(c: ClockTimes, now: Date): ClockState {
  if (c.metAt) return c.metAt.getTime() < c.dueAt.getTime() && !c.breachedAt ? 'MET' : 'BREACHED'
  if (c.breachedAt) return 'BREACHED'
  if (c.cancelledAt) return 'CANCELLED'
  if (c.pausedAt) return 'PAUSED'
  if (isPastDeadline(c.dueAt, now)) return 'BREACHED'
  if (c.atRiskAt && now.getTime() >= c.atRiskAt.getTime()) return 'AT_RISK'
  return 'ON_TRACK'
}

// Milliseconds left; negative once overdue. A paused clock keeps what it had at the pause.
export function remainingMs(c: Pick<ClockTimes, 'dueAt' | 'pausedAt'>, now: Date) {
  const at = c.pausedAt ?? now
  return c.dueAt.getTime() - at.getTime()
}

// Resuming pushes the deadline (and the warning marks) by the time spent paused.
export function resumeShift(pausedAt: Date, now: Date) {
  return Math.max(0, now.getTime() - pausedAt.getTime())
}

// The same times as they travel to the browser, as ISO strings.
export type ClockTimesIso = { [K in keyof ClockTimes]: K extends 'startedAt' | 'dueAt' ? string : string | null }

export function parseClockTimes(t: ClockTimesIso): ClockTimes {
  const d = (v: string | null) => (v ? new Date(v) : null)
  return {
    startedAt: new Date(t.startedAt),
    dueAt: new Date(t.dueAt),
    atRiskAt: d(t.atRiskAt),
    pausedAt: d(t.pausedAt),
    metAt: d(t.metAt),
    breachedAt: d(t.breachedAt),
    cancelledAt: d(t.cancelledAt),
  }
}

export const clockStateOf = (t: ClockTimesIso | null, now: Date): ClockState | null =>
  t ? clockState(parseClockTimes(t), now) : null
