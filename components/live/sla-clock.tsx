'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import { formatCountdown, formatDuration, type FriendlyLocale } from '@/lib/i18n/friendly'
import { clockState, parseClockTimes, remainingMs, type ClockState } from '@/lib/sla/clock'
import type { TimerDTO } from '@/lib/requests/queries'

const tone: Record<ClockState, string> = {
  ON_TRACK: 'bg-ok/10 text-ok',
  AT_RISK: 'bg-warn/15 text-warn',
  BREACHED: 'bg-bad/10 text-bad',
  MET: 'bg-ok/10 text-ok',
  PAUSED: 'bg-line text-ink-soft',
  CANCELLED: 'bg-line text-ink-soft',
}

// The server's "now", ticking every second. The offset to the browser's clock is measured
// once at render, so a wrong clock on the device does not move deadlines.
export function useServerNow(serverNow: string) {
  const [offset] = useState(() => new Date(serverNow).getTime() - Date.now())
  const [now, setNow] = useState(() => new Date(Date.now() + offset))
  useEffect(() => {
    const id = setInterval(() => setNow(new Date(Date.now() + offset)), 1000)
    return () => clearInterval(id)
  }, [offset])
  return now
}

export function SlaBadge({ timer, now }: { timer: TimerDTO; now: Date }) {
  const t = useTranslations('sla')
  const locale = useLocale() as FriendlyLocale
  const c = parseClockTimes(timer)
  const state = clockState(c, now)
  const left = remainingMs(c, now)
  const detail = c.metAt
    ? t('metIn', { duration: formatDuration(c.metAt.getTime() - c.startedAt.getTime(), locale) })
    : state === 'PAUSED' || state === 'CANCELLED'
      ? null
      : left < 0
        ? t('overdueBy', { duration: formatDuration(left, locale) })
        : t('timeLeft', { countdown: formatCountdown(left, locale) })
  return (
    <span
      data-testid="sla-clock"
      data-state={state}
      data-kind={timer.kind}
      className={`inline-flex items-center gap-2 whitespace-nowrap rounded-full px-2.5 py-1 text-xs font-medium tabular-nums ${tone[state]}`}
    >
      <span>{t(state)}</span>
      {detail && <span>{detail}</span>}
    </span>
  )
}

export function SlaClock({ timer, serverNow }: { timer: TimerDTO; serverNow: string }) {
  const now = useServerNow(serverNow)
  return <SlaBadge timer={timer} now={now} />
}
