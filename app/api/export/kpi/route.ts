import { defineRoute } from '@/lib/next/route'
import { recordRead } from '@/lib/audit/record'
import { csvResponse, toCsv } from '@/lib/export/csv'
import { periodFromUrl } from '@/lib/kpi/period'
import { kpiTables } from '@/lib/kpi/queries'

export const dynamic = 'force-dynamic'

// The KPI tables of the period as one long CSV: table, key, metric, value.
export const GET = defineRoute({ name: 'export.kpi', can: 'team.lead' }, async (actor, request) => {
  const { fromDay, toDay, period } = periodFromUrl(request.url, actor.timeZone)
  const kpi = await kpiTables(actor, period)
  type Row = { table: string; key: string; metric: string; value: unknown }
  const row = (table: string, key: string, metric: string, value: unknown): Row => ({ table, key, metric, value })
  const metrics = (table: string, key: string, values: object) =>
    Object.entries(values).map(([metric, value]) => row(table, key, metric, value))
  const rows: Row[] = [
    ...metrics('first_response', 'all', kpi.firstResponse),
    ...kpi.resolution.flatMap(({ category, ...r }) => metrics('resolution', category, r)),
    ...metrics('first_contact_resolution', 'all', kpi.firstContact),
    ...kpi.retention.flatMap((r) =>
      metrics('tier_retention', r.name, { clients: r.clients, retained: r.retained, share: r.share }),
    ),
    ...kpi.mix.map((m) => row('category_mix', `${m.day} ${m.category}`, 'requests', m.count)),
    ...kpi.delight.distribution.map((d) => row('delight_distribution', `${d.score}`, 'ratings', d.count)),
    ...kpi.delight.trend.map((w) => row('delight_trend', w.week, 'average', w.avg)),
  ]
  await recordRead(actor.userId, {
    action: 'export.kpi',
    entity: 'Export',
    data: { from: fromDay, to: toDay, rows: rows.length },
  })
  return csvResponse(`kpi_${fromDay}_${toDay}.csv`, toCsv(rows, ['table', 'key', 'metric', 'value']))
})
