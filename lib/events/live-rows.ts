import 'server-only'
import { lastMessageOf } from '../console/queue'
import { liveMessageOf, liveRowsOf, type LiveMessageDTO, type RequestLiveDTO } from '../requests/queries'
import type { QueueRowDTO } from '../console/queue'

// What an event carries to the browser, so no live view has to read anything back: the row as
// staff see it (with the queue's preview of the newest message) and as its client sees it, and
// for a new message the message itself, likewise (none for the client if it is internal).
export type EventRows = {
  staff: RequestLiveDTO & Pick<QueueRowDTO, 'last'>
  client: RequestLiveDTO
  message?: { staff: LiveMessageDTO; client: LiveMessageDTO | null; authorId: string; key: string | null }
}

export async function eventRowsOf(requestId: string, messageId?: string): Promise<EventRows | null> {
  const [rows, last, message] = await Promise.all([
    liveRowsOf(requestId),
    lastMessageOf(requestId),
    messageId ? liveMessageOf(messageId) : null,
  ])
  if (!rows) return null
  return { staff: { ...rows.staff, last }, client: rows.client, ...(message ? { message } : {}) }
}
