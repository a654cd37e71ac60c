import { defineRoute } from '@/lib/next/route'
import { getMessage } from '@/lib/requests/queries'

export const dynamic = 'force-dynamic'

// One message for a live thread, read through the request scope (internal notes stay staff-only).
export const GET = defineRoute<{ id: string }>(
  { name: 'message', can: 'account.use' },
  async (actor, _request, { params }) => {
    const message = await getMessage(actor, (await params).id)
    if (!message)
      return Response.json({ error: 'NOT_FOUND' }, { status: 404, headers: { 'Cache-Control': 'no-store' } })
    return Response.json(message, { headers: { 'Cache-Control': 'no-store' } })
  },
)
