import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { CareActions } from './care-actions'

type Item = { id: string; occursOn: string; summary: string; kind: string; clientId: string; clientName: string }

export async function CareList({ items }: { items: Item[] }) {
  const t = await getTranslations('care')
  if (items.length === 0) return <p className="text-sm text-ink-soft">{t('none')}</p>
  return (
    <ul className="space-y-2" data-testid="care-list">
      {items.map((c) => (
        <li key={c.id} className="rounded-xl border border-line bg-white p-3 text-sm">
          <p>
            <span className="mr-2 rounded-full bg-gold-soft px-2 py-0.5 text-xs text-gold">{t(`kind.${c.kind}`)}</span>
            <span className="tabular-nums">{c.occursOn}</span> · {c.summary} ·{' '}
            <Link href={`/console/clients/${c.clientId}`} className="hover:underline">
              {c.clientName}
            </Link>
          </p>
          <CareActions careTaskId={c.id} summary={c.summary} />
        </li>
      ))}
    </ul>
  )
}
