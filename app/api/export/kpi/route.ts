import { defineRoute } from '@/lib/next/route'
import { recordRead } from '@/lib/audit/record'
import { csvResponse, toCsv } from '@/lib/export/csv'
import { periodFromUrl } from '@/lib/kpi/period'
import {
  categoryMix,
  delight,
  firstContactResolution,
  firstResponseKpi,
  resolutionByCategory,
  tierRetention,
} from '@/lib/kpi/queries'

export const dynamic = 'force-dynamic'

// The KPI tables of the period as one long CSV: table, key, metric, value.
export const GET = defineRoute({ name: 'export.kpi', can: 'team.lead' }, async (actor, request) => {
  const { fromDay, toDay, period } = periodFromUrl(request.url, actor.timeZone)
  const [fr, res, fcr, ret, mix, joy] = await Promise.all([
    firstResponseKpi(actor, period),
    resolutionByCategory(actor, period),
    firstContactResolution(actor, period),
    tierRetention(actor, period),
    categoryMix(actor, period),
    delight(actor, period),
  ])
  const rows: { table: string; key: string; metric: string; value: unknown }[] = [
    ...Object.entries(fr).map(([metric, value]) => ({ table: 'first_response', key: 'all', metric, value })),
    ...res.flatMap((r) =>
      Object.entries(r)
        .filter(([k]) => k !== 'category')
        .map(([metric, value]) => ({ table: 'resolution', key: r.category, metric, value })),
    ),
    ...Object.entries(fcr).map(([metric, value]) => ({ table: 'first_contact_resolution', key: 'all', metric, value })),
    ...ret.flatMap((r) =>
      [
        ['clients', r.clients],
        ['retained', r.retained],
        ['share', r.share],
      ].map(([metric, value]) => ({ table: 'tier_retention', key: r.name, metric: String(metric), value })),
    ),
    ...mix.map((m) => ({ table: 'category_mix', key: `${m.day} ${m.category}`, metric: 'requests', value: m.count })),
    ...joy.distribution.map((d) => ({
      table: 'delight_distribution',
      key: `${d.score}`,
      metric: 'ratings',
      value: d.count,
    })),
    ...joy.trend.map((w) => ({ table: 'delight_trend', key: w.week, metric: 'average', value: w.avg })),
  ]
  await recordRead(actor.userId, {
    action: 'export.kpi',
    entity: 'Export',
    data: { from: fromDay, to: toDay, rows: rows.length },
  })
  return csvResponse(`kpi_${fromDay}_${toDay}.csv`, toCsv(rows, ['table', 'key', 'metric', 'value']))
})
