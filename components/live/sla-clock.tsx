'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import { formatCountdown } from '@/lib/i18n/format'
import { clockState, remainingMs } from '@/lib/sla/clock'
import type { TimerDTO } from '@/lib/requests/queries'

const tone = {
  ON_TRACK: 'bg-ok/10 text-ok',
  AT_RISK: 'bg-warn/15 text-warn',
  BREACHED: 'bg-bad/10 text-bad',
  MET: 'bg-ok/10 text-ok',
  PAUSED: 'bg-line text-ink-soft',
  CANCELLED: 'bg-line text-ink-soft',
} as const

function parse(t: TimerDTO) {
  const d = (v: string | null) => (v ? new Date(v) : null)
  return {
    startedAt: new Date(t.startedAt), dueAt: new Date(t.dueAt), atRiskAt: d(t.atRiskAt), pausedAt: d(t.pausedAt),
    metAt: d(t.metAt), breachedAt: d(t.breachedAt), cancelledAt: d(t.cancelledAt),
  }
}

// Ticks every second against the server's deadline. serverNow corrects for a browser clock
// that is off: the offset is measured once when the page renders.
export function SlaClock({ timer, serverNow }: { timer: TimerDTO; serverNow: string }) {
  const t = useTranslations('sla')
  const [offset] = useState(() => new Date(serverNow).getTime() - Date.now())
  const [now, setNow] = useState(() => new Date(Date.now() + offset))
  const c = parse(timer)
  const settled = Boolean(c.metAt || c.cancelledAt)

  useEffect(() => {
    if (settled) return
    const id = setInterval(() => setNow(new Date(Date.now() + offset)), 1000)
    return () => clearInterval(id)
  }, [offset, settled])

  const state = clockState(c, now)
  const label =
    c.metAt ? t('metIn', { duration: formatCountdown(c.metAt.getTime() - c.startedAt.getTime()) })
    : state === 'PAUSED' || state === 'CANCELLED' ? t(state)
    : formatCountdown(remainingMs(c, now))
  return (
    <span
      data-testid="sla-clock"
      data-state={state}
      className={`inline-flex items-center gap-2 rounded-full px-2.5 py-1 text-xs font-medium tabular-nums ${tone[state]}`}
    >
      <span>{t(state)}</span>
      {label !== t(state) && <span>{label}</span>}
    </span>
  )
}
