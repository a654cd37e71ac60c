import { defineRoute } from '@/lib/next/route'
import { recordRead } from '@/lib/audit/record'
import { csvResponse, toCsv } from '@/lib/export/csv'
import { periodFromUrl } from '@/lib/kpi/period'
import { exportRequestRows } from '@/lib/requests/queries'

export const dynamic = 'force-dynamic'

// Every request created in the period, one row each, for supervisors.
export const GET = defineRoute({ name: 'export.requests', can: 'team.lead' }, async (actor, request) => {
  const { fromDay, toDay, period } = periodFromUrl(request.url, actor.timeZone)
  const rows = await exportRequestRows(actor, period)
  await recordRead(actor.userId, {
    action: 'export.requests',
    entity: 'Export',
    data: { from: fromDay, to: toDay, rows: rows.length },
  })
  return csvResponse(
    `requests_${fromDay}_${toDay}.csv`,
    toCsv(rows, [
      'number',
      'createdAt',
      'category',
      'status',
      'title',
      'client',
      'tier',
      'butler',
      'firstResponseSeconds',
      'breached',
      'closedAt',
      'rating',
    ]),
  )
})
