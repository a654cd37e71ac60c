import { getTranslations } from 'next-intl/server'
import { formatInZone } from '@/lib/i18n/format'
import type { MessageDTO } from '@/lib/requests/queries'
import { DeliveryStatus } from '@/components/channels/delivery-status'

// The conversation. For staff, internal notes are set apart; clients never receive them.
export async function Thread({
  messages,
  timeZone,
  viewer,
}: {
  messages: MessageDTO[]
  timeZone: string
  viewer: 'client' | 'staff'
}) {
  const t = await getTranslations()
  if (messages.length === 0) return <p className="text-sm text-ink-soft">{t('common.empty')}</p>
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
    </ol>
  )
}
