import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { comments, kpiTables } from '@/lib/kpi/queries'
import { parsePeriod } from '@/lib/kpi/period'
import { CATEGORIES, type TCategory } from '@/lib/requests/schemas'
import { listStaff } from '@/lib/staff/queries'
import { formatDay, formatDuration, type FriendlyLocale } from '@/lib/i18n/friendly'
import {
  CategoryMixChart,
  DelightTrendChart,
  DistributionChart,
  ResolutionChart,
} from '@/components/supervisor/kpi-charts'

export const dynamic = 'force-dynamic'

type Search = { from?: string; to?: string; category?: string; butler?: string; q?: string }
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)

function Tile({
  label,
  value,
  href,
  tone = 'text-ink',
  testId,
}: {
  label: string
  value: string
  href?: string
  tone?: string
  testId?: string
}) {
  const body = (
    <>
      <p className="text-xs uppercase tracking-wide text-ink-soft">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${tone}`} data-testid={testId}>
        {value}
      </p>
    </>
  )
  return href ? (
    <Link href={href} className="block rounded-2xl border border-line bg-white p-4 hover:border-gold">
      {body}
    </Link>
  ) : (
    <div className="rounded-2xl border border-line bg-white p-4">{body}</div>
  )
}

export default async function KpiPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('team.lead')
  const t = await getTranslations()
  const locale = (await getLocale()) as FriendlyLocale
  // "6 s", "3 h 57 min" ("6 秒", "3 小时 57 分"), never bare seconds.
  const secs = (v: number | null) => (v === null ? '—' : formatDuration(v * 1000, locale))
  const sp = await searchParams
  const { fromDay, toDay, period } = parsePeriod(sp.from, sp.to, actor.timeZone)
  const category = (CATEGORIES as readonly string[]).includes(sp.category ?? '')
    ? (sp.category as TCategory)
    : undefined
  const [kpi, voc, staff] = await Promise.all([
    kpiTables(actor, period),
    comments(actor, period, { category, butlerId: sp.butler || undefined, q: sp.q?.slice(0, 100) || undefined }),
    listStaff(actor),
  ])
  const { firstResponse: fr, resolution, firstContact: fcr, mix, delight: joy, retention } = kpi
  const q = `from=${fromDay}&to=${toDay}`
  const drill = (kind: string, value?: string) =>
    `/supervisor/kpi/requests?${q}&kind=${kind}${value ? `&value=${value}` : ''}`
  const catLabels = Object.fromEntries(CATEGORIES.map((c) => [c, t(`categories.${c}`)])) as Record<TCategory, string>
  const card = 'rounded-2xl border border-line bg-white p-4'
  const th = 'border-b border-line px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-ink-soft'
  const td = 'border-b border-line px-2 py-1.5'
  return (
    <>
      <form method="get" className="mb-5 flex flex-wrap items-end gap-3">
        <label className="text-sm text-ink-soft">
          {t('kpi.from')}
          <input
            type="date"
            name="from"
            defaultValue={fromDay}
            className="ml-2 rounded-lg border border-line bg-white px-2 py-1"
          />
        </label>
        <label className="text-sm text-ink-soft">
          {t('kpi.to')}
          <input
            type="date"
            name="to"
            defaultValue={toDay}
            className="ml-2 rounded-lg border border-line bg-white px-2 py-1"
          />
        </label>
        <button className="rounded-lg bg-ink px-3 py-1.5 text-sm text-ivory">{t('kpi.apply')}</button>
        <a href={`/api/export/requests?${q}`} className="text-sm text-gold hover:underline">
          {t('kpi.exportRequests')}
        </a>
        <a href={`/api/export/kpi?${q}`} className="text-sm text-gold hover:underline">
          {t('kpi.exportKpis')}
        </a>
      </form>

      <section className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Tile
          label={t('kpi.within3')}
          value={pct(fr.withinShare)}
          href={drill('late')}
          tone={fr.withinShare !== null && fr.withinShare < 0.99 ? 'text-bad' : 'text-ok'}
          testId="kpi-within"
        />
        <Tile label={t('kpi.p50')} value={secs(fr.p50Seconds)} href={drill('firstResponse')} testId="kpi-p50" />
        <Tile label={t('kpi.p95')} value={secs(fr.p95Seconds)} href={drill('firstResponse')} testId="kpi-p95" />
        <Tile
          label={t('kpi.breaches')}
          value={String(fr.breaches)}
          href={drill('breached')}
          tone={fr.breaches ? 'text-bad' : 'text-ink'}
          testId="kpi-breaches"
        />
        <Tile label={t('kpi.fcr')} value={pct(fcr.share)} href={drill('fcrMissed')} testId="kpi-fcr" />
        <Tile
          label={t('kpi.delight')}
          value={joy.average === null ? '—' : joy.average.toFixed(2)}
          testId="kpi-delight"
        />
      </section>
      <p className="mt-2 text-xs text-ink-soft">
        {t('kpi.goal')} · {t('kpi.requests', { n: fr.total })}
      </p>

      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <section className={card}>
          <h2 className="mb-2 font-medium">{t('kpi.mix')}</h2>
          <CategoryMixChart
            rows={mix}
            labels={catLabels}
            locale={locale}
            axisTitle={t('kpi.requestsAxis')}
            empty={t('kpi.noRequests')}
          />
          <p className="mt-2 flex flex-wrap gap-3 text-xs">
            {CATEGORIES.map((c) => (
              <Link key={c} href={drill('category', c)} className="text-gold hover:underline">
                {catLabels[c]} →
              </Link>
            ))}
          </p>
        </section>
        <section className={card}>
          <h2 className="mb-2 font-medium">{t('kpi.resolution')}</h2>
          <ResolutionChart
            rows={resolution.map((r) => ({ label: catLabels[r.category], seconds: r.p50Seconds }))}
            units={{ s: t('kpi.unit.s'), min: t('kpi.unit.min'), h: t('kpi.unit.h') }}
            axisTitle={{ s: t('kpi.medianIn.s'), min: t('kpi.medianIn.min'), h: t('kpi.medianIn.h') }}
            empty={t('kpi.noFinished')}
          />
          <table className="mt-2 w-full text-sm">
            <thead>
              <tr>
                <th className={th}>{t('portal.category')}</th>
                <th className={th}>{t('kpi.count')}</th>
                <th className={th}>{t('kpi.median')}</th>
                <th className={th}>{t('kpi.onTime')}</th>
              </tr>
            </thead>
            <tbody>
              {resolution.map((r) => (
                <tr key={r.category}>
                  <td className={td}>
                    <Link href={drill('category', r.category)} className="hover:underline">
                      {catLabels[r.category]}
                    </Link>
                  </td>
                  <td className={td}>{r.count}</td>
                  <td className={td}>{secs(r.p50Seconds)}</td>
                  <td className={td}>{pct(r.withinShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className={card}>
          <h2 className="mb-2 font-medium">{t('kpi.delightTrend')}</h2>
          <DelightTrendChart rows={joy.trend} label={t('kpi.delight')} locale={locale} empty={t('kpi.noRatings')} />
        </section>
        <section className={card}>
          <h2 className="mb-2 font-medium">{t('kpi.distribution')}</h2>
          <DistributionChart rows={joy.distribution} label={t('kpi.count')} empty={t('kpi.noRatings')} />
          <p className="mt-2 flex gap-3 text-xs">
            {joy.distribution.map((d) => (
              <Link key={d.score} href={drill('score', String(d.score))} className="text-gold hover:underline">
                {d.score}★ ({d.count})
              </Link>
            ))}
          </p>
        </section>
        <section className={card}>
          <h2 className="mb-2 font-medium">{t('kpi.retention')}</h2>
          <table className="w-full text-sm">
            <thead>
              <tr>
                <th className={th}>{t('supervisor.butler')}</th>
                <th className={th}>{t('kpi.clients')}</th>
                <th className={th}>{t('kpi.retained')}</th>
              </tr>
            </thead>
            <tbody>
              {retention.map((r) => (
                <tr key={r.butlerId}>
                  <td className={td}>{r.name}</td>
                  <td className={td}>{r.clients}</td>
                  <td className={td}>{pct(r.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className={card}>
          <h2 className="mb-2 font-medium">{t('kpi.voc')}</h2>
          <form method="get" className="mb-3 flex flex-wrap gap-2">
            <input type="hidden" name="from" value={fromDay} />
            <input type="hidden" name="to" value={toDay} />
            <input
              name="q"
              defaultValue={sp.q}
              placeholder={t('console.search')}
              aria-label={t('console.search')}
              className="rounded-lg border border-line px-2 py-1 text-sm"
            />
            <select
              name="category"
              defaultValue={category ?? ''}
              aria-label={t('portal.category')}
              className="rounded-lg border border-line px-2 py-1 text-sm"
            >
              <option value="">{t('console.anyCategory')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {catLabels[c]}
                </option>
              ))}
            </select>
            <select
              name="butler"
              defaultValue={sp.butler ?? ''}
              aria-label={t('supervisor.butler')}
              className="rounded-lg border border-line px-2 py-1 text-sm"
            >
              <option value="">{t('kpi.anyButler')}</option>
              {staff
                .filter((s) => s.role === 'BUTLER')
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
            <button className="rounded-lg bg-ink px-3 py-1 text-sm text-ivory">{t('console.filter')}</button>
          </form>
          {voc.length === 0 ? (
            <p className="text-sm text-ink-soft">{t('common.empty')}</p>
          ) : (
            <ul className="max-h-80 space-y-2 overflow-y-auto text-sm" data-testid="voc">
              {voc.map((c) => (
                <li key={c.id} className="rounded-lg bg-ivory p-2">
                  <p>
                    <span className="text-gold">{'★'.repeat(c.score)}</span> “{c.comment}”
                  </p>
                  <p className="text-xs text-ink-soft">
                    <Link href={`/console/requests/${c.requestId}`} className="hover:underline">
                      #{c.requestNumber} {c.requestTitle}
                    </Link>{' '}
                    · {catLabels[c.category]} · {c.butlerName ?? '—'} ·{' '}
                    {formatDay(c.createdAt, { timeZone: actor.timeZone, locale })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  )
}
