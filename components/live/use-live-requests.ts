'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { RequestLiveDTO, RequestSummaryDTO } from '@/lib/requests/queries'
import { changesRow, useStreamEvents } from './event-stream'

// Re-reads one request through its scoped route. Null: the viewer may no longer see it.
async function fetchRequest(id: string): Promise<RequestLiveDTO | null | 'failed'> {
  try {
    const res = await fetch(`/api/requests/${encodeURIComponent(id)}/summary`, { cache: 'no-store' })
    if (res.status === 404) return null
    return res.ok ? ((await res.json()) as RequestLiveDTO) : 'failed'
  } catch {
    return 'failed'
  }
}

// Calls `apply` with the fresh row each time an event names a request, one fetch at a time
// per request: a burst (a new request starts two clocks in the same transaction) costs at most
// two reads, and an older answer never overwrites a newer one. `read` answers the row, null
// (no longer visible) or 'failed'; by default the request's scoped summary.
export function useRequestRefetch<T = RequestLiveDTO>(
  apply: (id: string, row: T | null) => void,
  read: (id: string) => Promise<T | null | 'failed'> = fetchRequest as (id: string) => Promise<T | null | 'failed'>,
) {
  const running = useRef(new Map<string, boolean>())
  const latest = useRef({ apply, read })
  useEffect(() => {
    latest.current = { apply, read }
  })
  return useCallback((id: string) => {
    if (running.current.has(id)) {
      running.current.set(id, true)
      return
    }
    running.current.set(id, false)
    void (async () => {
      let again = true
      while (again) {
        running.current.set(id, false)
        const row = await latest.current.read(id)
        if (row !== 'failed') latest.current.apply(id, row)
        again = running.current.get(id) === true
      }
      running.current.delete(id)
    })()
  }, [])
}

// A list of requests kept current in the browser: each event re-reads just the row it names,
// which is inserted, replaced or (out of scope, or no longer wanted) removed.
export function useLiveRequests(
  initial: RequestSummaryDTO[],
  opts: { keep: (r: RequestSummaryDTO) => boolean; insertNew?: boolean },
) {
  const [rows, setRows] = useState(initial)
  // A server render (navigation, filters, a reconnect) brings a new list: it replaces ours.
  const [from, setFrom] = useState(initial)
  if (from !== initial) {
    setFrom(initial)
    setRows(initial)
  }
  const keep = useRef(opts)
  useEffect(() => {
    keep.current = opts
  })

  const apply = (id: string, row: RequestSummaryDTO | null) =>
    setRows((prev) => {
      const at = prev.findIndex((r) => r.id === id)
      if (!row || !keep.current.keep(row)) return at < 0 ? prev : prev.filter((r) => r.id !== id)
      if (at < 0) return keep.current.insertNew === false ? prev : [...prev, row]
      const next = [...prev]
      next[at] = row
      return next
    })
  const refetch = useRequestRefetch(apply)
  const router = useRouter()
  useStreamEvents((name, data) => {
    // The viewer's own rights changed (clients reassigned, a delegation revoked): which rows
    // belong in the list is a structural question, answered by the server once.
    if (name === 'scope') router.refresh()
    else if (data.requestId && changesRow(name)) {
      // The event carries the row as this viewer sees it; without one, it is read back.
      if (data.row) apply(data.requestId, data.row)
      else refetch(data.requestId)
    }
  })
  return rows
}
