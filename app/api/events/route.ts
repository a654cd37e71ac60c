import { defineRoute } from '@/lib/next/route'
import { log } from '@/lib/log'
import { loadActor } from '@/lib/auth/sessions'
import { eventHub, type HubEvent } from '@/lib/events/hub'
import type { RequestEvent } from '@/lib/events/publish'
import { mayReceive, scopeOf } from '@/lib/events/scope'

export const dynamic = 'force-dynamic'

const HEARTBEAT_MS = 15_000
// Scope events close a stream at once; this slower check covers what sends none (expiry).
const REVALIDATE_EVERY = 4

const encoder = new TextEncoder()
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)

// What the browser needs to update its state: ids and small flags, never the audience. The
// same for every stream, so it is encoded once per event however many streams receive it.
const encoded = new WeakMap<RequestEvent, Uint8Array>()
function wireOf(e: RequestEvent) {
  let bytes = encoded.get(e)
  if (!bytes) {
    bytes = frame(e.type, {
      requestId: e.requestId,
      clientId: e.clientId,
      ...(e.type === 'sla.changed' ? { state: e.state } : {}),
      ...(e.type === 'request.offered' ? { stage: e.stage } : {}),
      ...(e.type === 'message.created' ? { messageId: e.messageId, fromClient: e.fromClient } : {}),
    })
    encoded.set(e, bytes)
  }
  return bytes
}

// Server-sent events. Who receives an event is decided in memory from the audience it carries
// and this stream's scope (lib/events/scope.ts): no query per event. A scope event naming this
// user re-reads their rights once, holding their events meanwhile, then re-scopes the stream
// or closes it.
export const GET = defineRoute({ name: 'events', can: 'account.use' }, async (actor, request) => {
  let scope = scopeOf(actor)

  let cleanup = () => {}
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false
      const write = (bytes: Uint8Array) => {
        if (closed) return
        try {
          controller.enqueue(bytes)
        } catch {
          cleanup()
        }
      }
      const send = (event: string, data: unknown) => write(frame(event, data))
      const forward = (e: RequestEvent) => {
        if (mayReceive(scope, e)) write(wireOf(e))
      }

      let held: RequestEvent[] | null = null
      const rescope = (tellBrowser: boolean) => {
        if (held) return
        held = []
        void loadActor(scope.sessionId)
          .catch((err) => {
            log.warn({ err }, 'stream scope not reloaded; closing it')
            return null
          })
          .then((still) => {
            const queue = held ?? []
            held = null
            if (!still || still.userId !== scope.userId || still.role !== scope.role) {
              send('scope', { closed: true })
              return cleanup()
            }
            scope = scopeOf(still)
            for (const e of queue) forward(e)
            if (tellBrowser) send('scope', {})
          })
      }

      const unsubscribe = eventHub.subscribe((e: HubEvent) => {
        if (e.type === 'resync') {
          // Scope events may have been missed while the hub was reconnecting.
          rescope(false)
          return send('resync', {})
        }
        if (e.type === 'scope.changed') {
          if (e.userIds.includes(scope.userId)) rescope(true)
          return
        }
        if (held) held.push(e)
        else forward(e)
      })

      let beats = 0
      const heartbeat = setInterval(async () => {
        if (++beats % REVALIDATE_EVERY === 0 && !(await loadActor(scope.sessionId).catch(() => null))) {
          return cleanup()
        }
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
