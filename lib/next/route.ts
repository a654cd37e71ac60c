import 'server-only'
import { unstable_rethrow } from 'next/navigation'
import type { Ability } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { isAppError } from '../errors'
import { currentCorrelationId, log, withLogContext } from '../log'
import { requireActor } from './guards'
import { incomingRequestId, REQUEST_ID_HEADER } from './request-id'

type RouteContext<P> = { params: Promise<P> }
type Handler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>

// The answer to a failed route handler: a refusal gets the status of its kind (HTTP_STATUS in
// lib/errors.ts) with its code and message key, never more; anything else is logged with its
// stack and answered with a bare 500 that names the correlation id.
function errorResponse(e: unknown, route: string): Response {
  if (isAppError(e)) return Response.json({ error: e.code, message: e.messageKey }, { status: e.status })
  log.error({ err: e, route }, 'route failed')
  return Response.json({ error: 'INTERNAL', correlationId: currentCorrelationId() }, { status: 500 })
}

// One wrapper for every route handler in app/api: the session and its ability checked first,
// a correlation id on every log line (the caller's x-request-id, else a new one) and on the
// response, and failures answered by errorResponse.
export function defineRoute<P = object>(
  opts: { name: string; can: Ability },
  handler: (actor: Actor, request: Request, context: RouteContext<P>) => Promise<Response>,
): Handler<P> {
  return answered(opts.name, async (request, context) => handler(await requireActor(opts.can), request, context))
}

// For the few routes anyone may call (health, Auth.js's own endpoints).
export function definePublicRoute<P = object>(opts: { name: string }, handler: Handler<P>): Handler<P> {
  return answered(opts.name, handler)
}

function answered<P>(name: string, handler: Handler<P>): Handler<P> {
  return (request, context) =>
    withLogContext(incomingRequestId(request.headers), async () => {
      let response: Response
      try {
        response = await handler(request, context)
      } catch (e) {
        unstable_rethrow(e)
        response = errorResponse(e, name)
      }
      return withRequestId(response)
    })
}

// So a user or an upstream proxy can quote the id that finds this request in the logs.
function withRequestId(response: Response) {
  try {
    response.headers.set(REQUEST_ID_HEADER, currentCorrelationId() ?? '')
  } catch {
    // Some responses (Response.redirect) have immutable headers; they go out without it.
  }
  return response
}
