import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'
import { requestScope } from '../auth/scope'
import { PHOTO_KEY, staffPhotoUrl } from '../staff/photo-url'

export type ButlerCardDTO = { name: string; onDuty: boolean; photoUrl: string | null }

// Whom the client is talking to on a request: the butler handling it, else their dedicated butler.
export async function requestButler(actor: Actor, requestId: string): Promise<ButlerCardDTO | null> {
  const r = await db.serviceRequest.findFirst({
    where: { id: requestId, ...requestScope(actor) },
    select: {
      assignee: { select: { name: true, onDuty: true, ...PHOTO_KEY } },
      client: { select: { dedicatedButler: { select: { name: true, onDuty: true, ...PHOTO_KEY } } } },
    },
  })
  const b = r?.assignee ?? r?.client.dedicatedButler
  return b ? { name: b.name, onDuty: b.onDuty, photoUrl: staffPhotoUrl(b.id, b.photo) } : null
}
