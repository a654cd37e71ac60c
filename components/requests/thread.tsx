'use client'

import { useTranslations } from 'next-intl'
import { formatInZone } from '@/lib/i18n/format'
import { DeliveryStatus } from '@/components/channels/delivery-status'
import { useLiveRequest } from '@/components/live/live-request'

// The conversation, kept live by <LiveRequest>. For staff, internal notes are set apart;
// clients never receive them. The viewer's own unconfirmed sends follow, marked as sending or,
// if the send failed, with a button that sends the same draft again (same idempotency key).
export function Thread({ timeZone, viewer }: { timeZone: string; viewer: 'client' | 'staff' }) {
  const t = useTranslations()
  const { messages, pending, retry } = useLiveRequest()
  if (messages.length === 0 && pending.length === 0) return <p className="text-sm text-ink-soft">{t('common.empty')}</p>
  return (
    <ol className="space-y-3" aria-label={t('portal.conversation')}>
      {messages.map((m) => {
        const mine = viewer === 'staff' ? m.fromStaff : !m.fromStaff
        return (
          <li key={m.id} className={`flex ${mine ? 'justify-end' : 'justify-start'}`} data-testid="message">
            <div
              className={`max-w-[85%] rounded-2xl px-4 py-2.5 text-sm shadow-sm ${
                m.internal
                  ? 'border border-dashed border-warn bg-warn/10'
                  : mine
                    ? 'bg-ink text-ivory'
                    : 'border border-line bg-white'
              }`}
            >
              <p className={`mb-1 text-xs ${mine && !m.internal ? 'text-ivory/70' : 'text-ink-soft'}`}>
                {m.internal && <span className="mr-1 font-semibold text-warn">{t('console.internal')} ·</span>}
                {m.authorName} ·{' '}
                <time dateTime={m.createdAt}>{formatInZone(m.createdAt, timeZone, 'MM-dd HH:mm')}</time>
              </p>
              <p className="whitespace-pre-wrap break-words">{m.body}</p>
              {m.delivery && <DeliveryStatus delivery={m.delivery} timeZone={timeZone} onDark={mine && !m.internal} />}
            </div>
          </li>
        )
      })}
      {pending.map((p) => (
        <li
          key={p.key}
          className="flex justify-end"
          data-testid="message-pending"
          data-state={p.failed ? 'failed' : 'sending'}
        >
          <div
            className={`max-w-[85%] rounded-2xl px-4 py-2.5 text-sm shadow-sm ${
              p.internal ? 'border border-dashed border-warn bg-warn/10' : 'bg-ink/80 text-ivory'
            }`}
          >
            <p className="whitespace-pre-wrap break-words">{p.body}</p>
            <p className={`mt-1 text-xs ${p.failed ? 'font-medium text-bad' : 'opacity-70'}`}>
              {p.failed ? t('live.failed') : t('live.pending')}
              {p.failed && retry && (
                <button type="button" onClick={retry} className="ml-2 underline underline-offset-2">
                  {t('live.retry')}
                </button>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  )
}
