'use client'

import { useLocale, useTranslations } from 'next-intl'
import { formatTime, formatWhen, zoneOffset, type FriendlyLocale } from '@/lib/i18n/friendly'
import { cityNameOf } from '@/lib/i18n/zones'
import { DeliveryStatus } from '@/components/channels/delivery-status'
import { useLiveRequest } from '@/components/live/live-request'

// The conversation as the team reads it: client messages on the left, the team's on the right,
// internal notes as amber, dashed "team only" cards. Each message carries the butler's time and,
// when the client lives in another zone, the client's local time too ("Today 17:39 · London
// 09:39"). The butler's own unconfirmed sends follow, as sending or failed with a retry.
export function ConsoleThread({ timeZone, clientTimeZone }: { timeZone: string; clientTimeZone: string }) {
  const t = useTranslations()
  const locale = useLocale() as FriendlyLocale
  const { messages, pending, retry } = useLiveRequest()
  const otherZone = zoneOffset(clientTimeZone) !== zoneOffset(timeZone)
  const city = cityNameOf(clientTimeZone, locale)

  if (messages.length === 0 && pending.length === 0) {
    return <p className="py-6 text-center text-sm text-ink-soft">{t('console.noMessages')}</p>
  }
  return (
    <ol className="space-y-4" aria-label={t('portal.conversation')}>
      {messages.map((m) => {
        const side = m.fromStaff ? 'items-end' : 'items-start'
        const card = m.internal
          ? 'border border-dashed border-amber-500 bg-amber-50 text-ink'
          : m.fromStaff
            ? 'bg-ink text-ivory'
            : 'border border-line bg-white text-ink'
        return (
          <li
            key={m.id}
            className={`flex flex-col ${side}`}
            data-testid="message"
            data-internal={m.internal || undefined}
          >
            <p className="mb-1 flex flex-wrap items-baseline gap-x-2 text-xs text-ink-soft">
              {m.internal && <span className="font-semibold text-warn">{t('console.noteBadge')}</span>}
              <span className="font-medium text-ink">{m.authorName}</span>
              <time dateTime={m.createdAt}>{formatWhen(m.createdAt, { timeZone, locale })}</time>
              {otherZone && (
                <span data-testid="client-local-time">
                  ·{' '}
                  {t('console.clientLocal', {
                    city,
                    time: formatTime(m.createdAt, { timeZone: clientTimeZone, locale }),
                  })}
                </span>
              )}
            </p>
            <div className={`max-w-[80%] rounded-2xl px-4 py-2.5 text-sm shadow-sm ${card}`}>
              <p className="whitespace-pre-wrap break-words">{m.body}</p>
              {m.delivery && (
                <DeliveryStatus delivery={m.delivery} timeZone={timeZone} onDark={m.fromStaff && !m.internal} />
              )}
            </div>
          </li>
        )
      })}
      {pending.map((p) => (
        <li
          key={p.key}
          className="flex flex-col items-end"
          data-testid="message-pending"
          data-state={p.failed ? 'failed' : 'sending'}
        >
          <div
            className={`max-w-[80%] rounded-2xl px-4 py-2.5 text-sm ${p.internal ? 'border border-dashed border-amber-500 bg-amber-50' : 'bg-ink/85 text-ivory'}`}
          >
            <p className="whitespace-pre-wrap break-words">{p.body}</p>
          </div>
          <p className={`mt-1 text-xs ${p.failed ? 'font-medium text-bad' : 'text-ink-soft'}`}>
            {p.failed ? t('live.failed') : t('live.pending')}
            {p.failed && retry && (
              <button type="button" onClick={retry} className="ml-2 underline underline-offset-2">
                {t('live.retry')}
              </button>
            )}
          </p>
        </li>
      ))}
    </ol>
  )
}
