import { defineRoute } from '@/lib/next/route'
import { recordRead } from '@/lib/audit/record'
import { listAudit } from '@/lib/audit/queries'
import { csvResponse, toCsv } from '@/lib/export/csv'
import { periodFromUrl } from '@/lib/kpi/period'

export const dynamic = 'force-dynamic'

export const GET = defineRoute({ name: 'export.audit', can: 'audit.read' }, async (actor, request) => {
  const { fromDay, toDay, period, searchParams: sp } = periodFromUrl(request.url, actor.timeZone)
  const filter = {
    actor: sp.get('actor')?.slice(0, 40) || undefined,
    client: sp.get('client')?.slice(0, 40) || undefined,
    action: sp.get('action')?.slice(0, 60) || undefined,
  }
  const rows = await listAudit(actor, { ...filter, from: period.from, to: period.to }, 50_000)
  await recordRead(actor.userId, {
    action: 'export.audit',
    entity: 'Export',
    clientId: filter.client,
    data: { from: fromDay, to: toDay, ...filter, rows: rows.length },
  })
  return csvResponse(
    `audit_${fromDay}_${toDay}.csv`,
    toCsv(rows, ['id', 'at', 'actorName', 'action', 'entity', 'entityId', 'clientName', 'data']),
  )
})
