import 'server-only'
import { lastMessageOf } from '../console/queue'
import { liveRowsOf, type RequestLiveDTO } from '../requests/queries'
import type { QueueRowDTO } from '../console/queue'

// What an event carries to the browser, so no live view has to read the request back: the row
// as staff see it (with the queue's preview of the newest message) and as its client sees it.
export type EventRows = { staff: RequestLiveDTO & Pick<QueueRowDTO, 'last'>; client: RequestLiveDTO }

export async function eventRowsOf(requestId: string): Promise<EventRows | null> {
  const [rows, last] = await Promise.all([liveRowsOf(requestId), lastMessageOf(requestId)])
  return rows && { staff: { ...rows.staff, last }, client: rows.client }
}
