// Roster arithmetic, pure: which hours of a week no primary shift covers.
export type ShiftSpan = { startsAt: Date; endsAt: Date; isBackup: boolean }

const HOUR = 3_600_000

export function uncoveredHours(shifts: ShiftSpan[], weekStart: Date, hours = 7 * 24): Date[] {
  const primary = shifts.filter((s) => !s.isBackup)
  const gaps: Date[] = []
  for (let h = 0; h < hours; h++) {
    const from = weekStart.getTime() + h * HOUR
    const to = from + HOUR
    // An hour counts as covered only if primary shifts cover all of it.
    const covering = primary
      .filter((s) => s.startsAt.getTime() < to && s.endsAt.getTime() > from)
      .map((s) => [Math.max(s.startsAt.getTime(), from), Math.min(s.endsAt.getTime(), to)] as const)
      .sort((a, b) => a[0] - b[0])
    let reached = from
    for (const [a, b] of covering) if (a <= reached) reached = Math.max(reached, b)
    if (reached < to) gaps.push(new Date(from))
  }
  return gaps
}
