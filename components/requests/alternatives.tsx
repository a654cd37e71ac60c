import { getTranslations } from 'next-intl/server'
import { formatInZone } from '@/lib/i18n/format'
import type { AlternativeDTO } from '@/lib/requests/queries'
import { AlternativeDecision } from './alternative-decision'

export async function Alternatives({
  items,
  timeZone,
  canDecide,
}: {
  items: AlternativeDTO[]
  timeZone: string
  canDecide: boolean
}) {
  const t = await getTranslations('alternatives')
  if (items.length === 0) return null
  return (
    <ul className="space-y-3" data-testid="alternatives">
      {items.map((a) => (
        <li key={a.id} className="rounded-2xl border border-gold bg-gold-soft/50 p-4 text-sm">
          <p className="text-xs uppercase tracking-wide text-gold">
            {t('title')} · {t(a.status)}
          </p>
          <p className="mt-1 whitespace-pre-wrap">{a.description}</p>
          <p className="mt-1 text-xs text-ink-soft">{formatInZone(a.offeredAt, timeZone)}</p>
          {canDecide && a.status === 'OFFERED' && <AlternativeDecision alternativeId={a.id} />}
        </li>
      ))}
    </ul>
  )
}
