import { defineRoute } from '@/lib/next/route'
import { consoleQueue, queueQueryOf, queueRow } from '@/lib/console/queue'

export const dynamic = 'force-dynamic'

// The console queue for the browser: `?page=n` (same filters as /console) answers one more page;
// `?row=id` answers that request's row (null when the viewer may not see it) with the view
// counts, which is what a live event needs to update the queue without re-rendering the page;
// `?counts=1` just the counts (the event carried the row).
export const GET = defineRoute({ name: 'consoleQueue', can: 'request.serve' }, async (actor, request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const query = queueQueryOf(actor, params)
  if (params.counts) {
    const { counts } = await consoleQueue(actor, { view: query.view, filters: query.filters, pageSize: 0 })
    return Response.json({ counts })
  }
  if (params.row) {
    const [row, { counts }] = await Promise.all([
      queueRow(actor, params.row.slice(0, 40)),
      consoleQueue(actor, { view: query.view, filters: query.filters, pageSize: 0 }),
    ])
    return Response.json({ row, counts })
  }
  return Response.json(await consoleQueue(actor, { view: query.view, filters: query.filters, page: query.page }))
})
