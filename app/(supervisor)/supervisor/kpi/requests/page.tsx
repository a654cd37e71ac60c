import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { DRILL_KINDS, drillDown, type DrillKind } from '@/lib/kpi/queries'
import { parsePeriod } from '@/lib/kpi/period'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'

export const dynamic = 'force-dynamic'

export default async function DrillDownPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string; kind?: string; value?: string }>
}) {
  const actor = await requirePageActor('team.lead')
  const t = await getTranslations()
  const when = { timeZone: actor.timeZone, locale: (await getLocale()) as FriendlyLocale }
  const sp = await searchParams
  if (!(DRILL_KINDS as readonly string[]).includes(sp.kind ?? '')) notFound()
  const { fromDay, toDay, period } = parsePeriod(sp.from, sp.to, actor.timeZone)
  const rows = await drillDown(actor, period, sp.kind as DrillKind, sp.value)
  const th = 'border-b border-line px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-ink-soft'
  const td = 'border-b border-line px-3 py-2'
  return (
    <>
      <Link href={`/supervisor/kpi?from=${fromDay}&to=${toDay}`} className="text-sm text-ink-soft hover:text-ink">
        ← {t('kpi.title')}
      </Link>
      <h1 className="mb-4 mt-2 text-xl font-semibold">
        {t(`kpi.drill.${sp.kind as DrillKind}`)} {sp.value ? `· ${sp.value}` : ''}{' '}
        <span className="text-ink-soft">({rows.length})</span>
      </h1>
      <p className="mb-3 text-sm text-ink-soft">
        {fromDay} – {toDay}
      </p>
      <table className="w-full border-separate border-spacing-0 rounded-2xl bg-white text-sm" data-testid="drill">
        <thead>
          <tr>
            <th className={th}>#</th>
            <th className={th}>{t('console.request')}</th>
            <th className={th}>{t('console.client')}</th>
            <th className={th}>{t('supervisor.butler')}</th>
            <th className={th}>{t('kpi.firstResponse')}</th>
            <th className={th}>{t('console.status')}</th>
            <th className={th}>★</th>
            <th className={th}>{t('console.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className={td}>{r.number}</td>
              <td className={td}>
                <Link href={`/console/requests/${r.id}`} className="hover:underline">
                  {r.title}
                </Link>{' '}
                <span className="text-xs text-ink-soft">{t(`categories.${r.category}`)}</span>
              </td>
              <td className={td}>{r.clientName}</td>
              <td className={td}>{r.butlerName ?? '—'}</td>
              <td className={`${td} tabular-nums ${r.breached ? 'text-bad' : ''}`}>
                {r.firstResponseSeconds === null ? '—' : `${r.firstResponseSeconds.toFixed(0)} s`}
              </td>
              <td className={td}>{t(`statuses.${r.status}`)}</td>
              <td className={td}>{r.score ?? '—'}</td>
              <td className={`${td} tabular-nums`}>{formatWhen(r.createdAt, when)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
