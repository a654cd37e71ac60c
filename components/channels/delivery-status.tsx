import { useLocale, useTranslations } from 'next-intl'
import { formatTime, type FriendlyLocale } from '@/lib/i18n/friendly'
import type { DeliveryDTO } from '@/lib/requests/queries'

// Under a staff reply: whether it reached the client on WeChat (sent, retrying, or failed and why).
export function DeliveryStatus({
  delivery,
  timeZone,
  onDark,
}: {
  delivery: DeliveryDTO
  timeZone: string
  onDark: boolean
}) {
  const t = useTranslations('channels.delivery')
  const locale = useLocale() as FriendlyLocale
  const text =
    delivery.status === 'SENT'
      ? delivery.attempts > 1
        ? t('sentAfter', { n: delivery.attempts })
        : t('SENT')
      : delivery.status === 'RETRYING'
        ? t('RETRYING', {
            n: delivery.attempts,
            reason: delivery.error ?? '',
            time: delivery.nextAttemptAt ? formatTime(delivery.nextAttemptAt, { timeZone, locale }) : '—',
          })
        : delivery.status === 'FAILED'
          ? t('FAILED', { reason: delivery.error ?? '' })
          : t('PENDING')
  const tone =
    delivery.status === 'FAILED'
      ? 'text-bad'
      : delivery.status === 'RETRYING'
        ? 'text-warn'
        : onDark
          ? 'text-ivory/70'
          : 'text-ink-soft'
  return (
    <p className={`mt-1 text-xs ${tone}`} data-testid="delivery-status" data-status={delivery.status}>
      {t('label')} · {text}
    </p>
  )
}
