'use client'

import { useLocale, useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { formatTime, formatWhen, zoneOffset, type FriendlyLocale } from '@/lib/i18n/friendly'
import { cityNameOf } from '@/lib/i18n/zones'
import { DeliveryStatus } from '@/components/channels/delivery-status'
import { useLiveRequest } from '@/components/live/live-request'

type Look = 'client' | 'team' | 'note'

const LOOKS: Record<Look, { side: string; card: string }> = {
  client: { side: 'items-start', card: 'border border-line bg-white text-ink' },
  team: { side: 'items-end', card: 'bg-ink text-ivory' },
  note: { side: 'items-end', card: 'border border-dashed border-amber-500 bg-amber-50 text-ink' },
}

function Bubble({
  look,
  head,
  foot,
  children,
  ...data
}: {
  look: Look
  head?: ReactNode
  foot?: ReactNode
  children: ReactNode
  'data-testid': string
  'data-internal'?: boolean
  'data-state'?: string
}) {
  return (
    <li className={`flex flex-col ${LOOKS[look].side}`} {...data}>
      {head && <p className="mb-1 flex flex-wrap items-baseline gap-x-2 text-xs text-ink-soft">{head}</p>}
      <div className={`max-w-[80%] rounded-2xl px-4 py-2.5 text-sm shadow-sm ${LOOKS[look].card}`}>{children}</div>
      {foot}
    </li>
  )
}

// The conversation as the team reads it: the client on the left, the team on the right,
// internal notes as amber, dashed cards. Each message carries the butler's time and, when the
// client lives in another zone, the client's local time too ("Today 17:39 · London 09:39").
// The butler's own sends follow until the server confirms them, or with "send again".
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
      {messages.map((m) => (
        <Bubble
          key={m.id}
          look={m.internal ? 'note' : m.fromStaff ? 'team' : 'client'}
          data-testid="message"
          data-internal={m.internal || undefined}
          head={
            <>
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
            </>
          }
        >
          <p className="whitespace-pre-wrap break-words">{m.body}</p>
          {m.delivery && (
            <DeliveryStatus delivery={m.delivery} timeZone={timeZone} onDark={m.fromStaff && !m.internal} />
          )}
        </Bubble>
      ))}
      {pending.map((p) => (
        <Bubble
          key={p.key}
          look={p.internal ? 'note' : 'team'}
          data-testid="message-pending"
          data-state={p.failed ? 'failed' : 'sending'}
          foot={
            <p className={`mt-1 text-xs ${p.failed ? 'font-medium text-bad' : 'text-ink-soft'}`}>
              {p.failed ? t('live.failed') : t('live.pending')}{' '}
              {p.failed && retry && (
                <button type="button" onClick={retry} className="underline underline-offset-2">
                  {t('live.retry')}
                </button>
              )}
            </p>
          }
        >
          <p className="whitespace-pre-wrap break-words opacity-80">{p.body}</p>
        </Bubble>
      ))}
    </ol>
  )
}
