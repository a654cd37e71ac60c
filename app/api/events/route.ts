import { defineRoute } from '@/lib/next/route'
import { log } from '@/lib/log'
import { loadActor } from '@/lib/auth/sessions'
import { eventHub, type HubEvent } from '@/lib/events/hub'
import type { RequestEvent } from '@/lib/events/publish'
import { mayReceive, scopeOf } from '@/lib/events/scope'
import { eventRowsOf, type EventRows } from '@/lib/events/live-rows'
import { can } from '@/lib/auth/policy'

export const dynamic = 'force-dynamic'

const HEARTBEAT_MS = 15_000
// Scope events close a stream at once; this slower check covers what sends none (expiry).
const REVALIDATE_EVERY = 4

const encoder = new TextEncoder()
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)

// What the browser needs to update its state: the event's ids and small flags, and the request
// as this viewer sees it (staff or client), so no live view reads it back; never the audience.
// The row is read once per event in this process, and each frame encoded once per kind of
// viewer, however many streams receive it.
type View = 'staff' | 'client'
const rowsByEvent = new WeakMap<RequestEvent, Promise<EventRows | null>>()
const framesByEvent = new WeakMap<RequestEvent, Partial<Record<View, Promise<Uint8Array>>>>()

function rowsOf(e: RequestEvent) {
  // A read marker changes no row: its frame carries just when and which side read.
  if (e.type === 'thread.read') return Promise.resolve(null)
  let rows = rowsByEvent.get(e)
  if (!rows) {
    // Without its row the event still goes out: the views then read the request themselves.
    rows = eventRowsOf(e.requestId, e.type === 'message.created' ? e.messageId : undefined).catch((err) => {
      log.warn({ err, requestId: e.requestId }, 'event row not read')
      return null
    })
    rowsByEvent.set(e, rows)
  }
  return rows
}

function wireOf(e: RequestEvent, view: View, userId: string) {
  // The author of a new message gets their idempotency key with it (their pending copy is
  // replaced, not doubled): their frame is their own.
  const forAuthor = (rows: EventRows | null) => rows?.message && rows.message.authorId === userId
  const encode = (rows: EventRows | null) => {
    const message = rows?.message?.[view]
    return frame(e.type, {
      requestId: e.requestId,
      clientId: e.clientId,
      ...(e.type === 'sla.changed' ? { state: e.state } : {}),
      ...(e.type === 'request.offered' ? { stage: e.stage } : {}),
      ...(e.type === 'message.created' ? { messageId: e.messageId, fromClient: e.fromClient } : {}),
      ...(e.type === 'thread.read' ? { readAt: e.readAt, byClient: e.byClient } : {}),
      ...(rows ? { row: rows[view] } : {}),
      ...(message ? { message: forAuthor(rows) ? { ...message, key: rows.message!.key } : message } : {}),
    })
  }
  const frames = framesByEvent.get(e) ?? {}
  framesByEvent.set(e, frames)
  return rowsOf(e).then((rows) => (forAuthor(rows) ? encode(rows) : (frames[view] ??= Promise.resolve(encode(rows)))))
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
      // Frames wait for their rows in order, so a stream never delivers events out of order.
      let sent: Promise<unknown> = Promise.resolve()
      const forward = (e: RequestEvent) => {
        if (!mayReceive(scope, e)) return
        const frame = wireOf(e, can(scope, 'request.serve') ? 'staff' : 'client', scope.userId)
        sent = sent.then(() => frame).then(write)
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
