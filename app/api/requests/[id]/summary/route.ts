import { defineRoute } from '@/lib/next/route'
import { getRequestLive } from '@/lib/requests/queries'

export const dynamic = 'force-dynamic'

// The one row a live view re-reads when an event names a request; 404 once it is out of the
// viewer's scope, which tells the view to drop the row.
export const GET = defineRoute<{ id: string }>(
  { name: 'requestSummary', can: 'account.use' },
  async (actor, _request, { params }) => {
    const row = await getRequestLive(actor, (await params).id)
    if (!row) return Response.json({ error: 'NOT_FOUND' }, { status: 404, headers: { 'Cache-Control': 'no-store' } })
    return Response.json(row, { headers: { 'Cache-Control': 'no-store' } })
  },
)
