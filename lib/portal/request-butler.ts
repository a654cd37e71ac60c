import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'
import { requestScope } from '../auth/scope'

export type ButlerCardDTO = { name: string; onDuty: boolean }

// Whom the client is talking to on a request: the butler handling it, else their dedicated butler.
export async function requestButler(actor: Actor, requestId: string): Promise<ButlerCardDTO | null> {
  const r = await db.serviceRequest.findFirst({
    where: { id: requestId, ...requestScope(actor) },
    select: {
      assignee: { select: { name: true, onDuty: true } },
      client: { select: { dedicatedButler: { select: { name: true, onDuty: true } } } },
    },
  })
  return r?.assignee ?? r?.client.dedicatedButler ?? null
}
