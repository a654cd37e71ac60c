import { defineRoute } from '@/lib/next/route'
import { recordHeartbeat } from '@/lib/presence/service'

// The console's heartbeat: POST while a tab is open; `?leaving=1` (a beacon from a closing tab)
// turns the butler away at once.
export const POST = defineRoute({ name: 'presence', can: 'request.serve' }, async (actor, request) => {
  await recordHeartbeat(actor, new URL(request.url).searchParams.get('leaving') === '1')
  return new Response(null, { status: 204 })
})
