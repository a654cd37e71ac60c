import { getLocale, getTranslations } from 'next-intl/server'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import type { AlternativeDTO } from '@/lib/requests/queries'
import { AlternativeDecision } from './alternative-decision'

// One alternative the team offered ("never say no"): what, when, and the client's answer.
export async function AlternativeCard({
  item,
  timeZone,
  canDecide,
}: {
  item: AlternativeDTO
  timeZone: string
  canDecide: boolean
}) {
  const t = await getTranslations('alternatives')
  const locale = (await getLocale()) as FriendlyLocale
  return (
    <div className="rounded-2xl border border-gold bg-gold-soft/50 p-4 text-sm" data-testid="alternative">
      <p className="text-xs font-medium tracking-wide text-ink-soft">
        {t('title')} · {t(item.status)}
      </p>
      <p className="mt-1 whitespace-pre-wrap">{item.description}</p>
      <p className="mt-1 text-xs text-ink-soft">
        <time dateTime={item.offeredAt}>{formatWhen(item.offeredAt, { timeZone, locale })}</time>
      </p>
      {canDecide && item.status === 'OFFERED' && <AlternativeDecision alternativeId={item.id} />}
    </div>
  )
}

export async function Alternatives({
  items,
  timeZone,
  canDecide,
}: {
  items: AlternativeDTO[]
  timeZone: string
  canDecide: boolean
}) {
  if (items.length === 0) return null
  return (
    <ul className="space-y-3" data-testid="alternatives">
      {items.map((a) => (
        <li key={a.id}>
          <AlternativeCard item={a} timeZone={timeZone} canDecide={canDecide} />
        </li>
      ))}
    </ul>
  )
}
