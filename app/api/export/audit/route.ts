import { defineRoute } from '@/lib/next/route'
import { listAudit } from '@/lib/audit/queries'
import { csvResponse, toCsv } from '@/lib/export/csv'
import { periodFromUrl } from '@/lib/kpi/period'

export const dynamic = 'force-dynamic'

export const GET = defineRoute({ name: 'export.audit', can: 'audit.read' }, async (actor, request) => {
  const { fromDay, toDay, period, searchParams: sp } = periodFromUrl(request.url, actor.timeZone)
  const rows = await listAudit(
    actor,
    {
      actor: sp.get('actor') || undefined,
      client: sp.get('client') || undefined,
      action: sp.get('action')?.slice(0, 60) || undefined,
      from: period.from,
      to: period.to,
    },
    50_000,
  )
  return csvResponse(
    `audit_${fromDay}_${toDay}.csv`,
    toCsv(rows, ['id', 'at', 'actorName', 'action', 'entity', 'entityId', 'clientName', 'data']),
  )
})
