import { defineRoute } from '@/lib/next/route'
import { log } from '@/lib/log'
import { can } from '@/lib/auth/policy'
import { loadActor } from '@/lib/auth/sessions'
import { eventHub, type HubEvent } from '@/lib/events/hub'
import { canSeeRequest } from '@/lib/requests/queries'

export const dynamic = 'force-dynamic'

const HEARTBEAT_MS = 15_000

// Server-sent events: each notification is re-checked against this user's rights before it
// is forwarded, and only ids travel; the page re-reads what it shows through its own guards.
export const GET = defineRoute({ name: 'events', can: 'account.use' }, async (actor, request) => {
  const clientView = !can(actor, 'request.serve')
  const encoder = new TextEncoder()

  let cleanup = () => {}
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false
      const send = (event: string, data: unknown) => {
        if (closed) return
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`))
        } catch {
          cleanup()
        }
      }
      const onEvent = async (e: HubEvent) => {
        if (e.type === 'resync') return send('resync', {})
        if (e.type === 'message.created' && e.internal && clientView) return
        if (clientView && !actor.clientIds.includes(e.clientId)) return
        if (!(await canSeeRequest(actor, e.requestId))) return
        send(e.type, {
          requestId: e.requestId,
          ...(e.type === 'sla.changed' ? { state: e.state } : {}),
          ...(e.type === 'request.offered' ? { stage: e.stage } : {}),
          ...(e.type === 'message.created' ? { fromClient: e.fromClient } : {}),
        })
      }
      const unsubscribe = eventHub.subscribe(
        (e) =>
          void onEvent(e).catch((err) =>
            log.warn({ err, requestId: e.type === 'resync' ? undefined : e.requestId }, 'event not forwarded'),
          ),
      )
      // The heartbeat also re-validates the session, so a revoked one stops receiving.
      const heartbeat = setInterval(async () => {
        const still = await loadActor(actor.sessionId).catch(() => null)
        if (!still) return cleanup()
        send('ping', {})
      }, HEARTBEAT_MS)
      cleanup = () => {
        if (closed) return
        closed = true
        clearInterval(heartbeat)
        unsubscribe()
        try {
          controller.close()
        } catch {
          /* already closed */
        }
      }
      request.signal.addEventListener('abort', () => cleanup())
      send('ready', {})
    },
    cancel() {
      cleanup()
    },
  })

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  })
})
