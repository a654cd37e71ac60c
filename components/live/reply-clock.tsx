'use client'

import { useLocale, useTranslations } from 'next-intl'
import { formatCountdown, type FriendlyLocale } from '@/lib/i18n/friendly'
import { parseClockTimes, remainingMs } from '@/lib/sla/clock'
import type { TimerDTO } from '@/lib/requests/queries'
import { useServerNow } from './sla-clock'

// What a client sees while waiting: the time within which their butler replies. A missed
// deadline is the team's alarm, not the client's: it reads "your butler is on it".
export function ReplyClock({ timer, serverNow }: { timer: TimerDTO; serverNow: string }) {
  const t = useTranslations('portal')
  const locale = useLocale() as FriendlyLocale
  const now = useServerNow(serverNow)
  const left = remainingMs(parseClockTimes(timer), now)
  return (
    <span
      data-testid="reply-clock"
      className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-full bg-gold-soft px-2.5 py-1 text-xs font-medium tabular-nums text-ink"
    >
      <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-gold" />
      {left > 0 ? t('awaitingReply', { countdown: formatCountdown(left, locale) }) : t('onIt')}
    </span>
  )
}
