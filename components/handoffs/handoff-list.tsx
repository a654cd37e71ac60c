import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import type { HandoffDTO } from '@/lib/handoffs/queries'
import { CloseHandoffButton } from './close-button'

export async function HandoffList({
  items,
  timeZone,
  showRequest = false,
}: {
  items: HandoffDTO[]
  timeZone: string
  showRequest?: boolean
}) {
  const t = await getTranslations('handoffs')
  const locale = (await getLocale()) as FriendlyLocale
  if (items.length === 0) return <p className="text-sm text-ink-soft">{t('none')}</p>
  return (
    <ul className="space-y-2 text-sm" data-testid="handoffs">
      {items.map((h) => (
        <li key={h.id} className={`rounded-xl p-3 ${h.overdue && h.status === 'OPEN' ? 'bg-bad/10' : 'bg-ivory'}`}>
          <p className="font-medium">
            {h.team}
            {h.ownerName ? ` · ${h.ownerName}` : ''}
          </p>
          <p>{h.need}</p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-ink-soft">
            {showRequest && (
              <Link href={`/console/requests/${h.requestId}`} className="hover:underline">
                #{h.requestNumber} {h.requestTitle}
              </Link>
            )}
            <span>
              {t('due')} {formatWhen(h.dueAt, { timeZone, locale })}
            </span>
            {h.overdue && h.status === 'OPEN' && <span className="font-semibold text-bad">{t('overdue')}</span>}
            {h.status === 'OPEN' ? <CloseHandoffButton handoffId={h.id} /> : <span>✓</span>}
          </p>
        </li>
      ))}
    </ul>
  )
}
