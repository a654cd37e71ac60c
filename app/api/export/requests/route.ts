import { routeActor } from '@/lib/next/guards'
import { periodFromUrl } from '@/lib/kpi/period'
import { csvResponse, toCsv } from '@/lib/kpi/csv'
import { db } from '@/lib/db'

export const dynamic = 'force-dynamic'

// Every request created in the period, one row each, for supervisors.
export async function GET(request: Request) {
  const actor = await routeActor('team.lead')
  if (actor instanceof Response) return actor
  const { fromDay, toDay, period } = periodFromUrl(request.url, actor.timeZone)
  const rows = await db.serviceRequest.findMany({
    where: { createdAt: { gte: period.from, lt: period.to } },
    orderBy: { createdAt: 'asc' },
    select: {
      number: true, title: true, category: true, status: true, createdAt: true, closedAt: true,
      client: { select: { displayName: true, tier: true } }, assignee: { select: { name: true } }, rating: { select: { score: true } },
      timers: { where: { kind: 'FIRST_RESPONSE' }, select: { startedAt: true, metAt: true, breachedAt: true } },
    },
  })
  const flat = rows.map((r) => ({
    number: r.number, createdAt: r.createdAt, category: r.category, status: r.status, title: r.title,
    client: r.client.displayName, tier: r.client.tier, butler: r.assignee?.name ?? '',
    firstResponseSeconds: r.timers[0]?.metAt ? (r.timers[0].metAt.getTime() - r.timers[0].startedAt.getTime()) / 1000 : '',
    breached: r.timers[0]?.breachedAt ? 'yes' : 'no', closedAt: r.closedAt, rating: r.rating?.score ?? '',
  }))
  return csvResponse(`requests_${fromDay}_${toDay}.csv`, toCsv(flat, ['number', 'createdAt', 'category', 'status', 'title', 'client', 'tier', 'butler', 'firstResponseSeconds', 'breached', 'closedAt', 'rating']))
}
