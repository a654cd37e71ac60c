'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useRef, useState } from 'react'
import type { QueuePage, QueueRowDTO } from '@/lib/console/queue'
import { byDeadline, inQueue, type QueueView } from '@/lib/requests/queues'
import { OPEN_STATUSES } from '@/lib/requests/state-machine'
import type { RequestFilters } from '@/lib/requests/queries'
import { changesRow, useStreamEvents, type EventRow, type StreamEvent } from '@/components/live/event-stream'
import { useRequestRefetch } from '@/components/live/use-live-requests'

export type QueueParams = { view: QueueView; filters: RequestFilters }

function queueUrl({ view, filters }: QueueParams, extra: Record<string, string>) {
  const p = new URLSearchParams({ view, ...extra })
  if (filters.q) p.set('q', filters.q)
  if (filters.category) p.set('category', filters.category)
  if (filters.status) p.set('status', filters.status)
  return `/console/queue?${p}`
}

async function getJson<T>(url: string): Promise<T | 'failed'> {
  try {
    const res = await fetch(url, { cache: 'no-store' })
    return res.ok ? ((await res.json()) as T) : 'failed'
  } catch {
    return 'failed'
  }
}

type RowAnswer = { row: QueueRowDTO | null; counts: QueuePage['counts'] }

// One page of the queue (or more, as the butler asks for them), kept current in the browser.
// An event carries the row it names (as staff see it): the row is replaced, dropped when it
// leaves the view, or inserted where its deadline puts it among the rows loaded, so a new urgent
// request shows at once whatever the queue's length; the view counts are then read again. An
// event without its row has the row and the counts read back in one small request.
export function useLiveQueue(initial: QueuePage | null, params: QueueParams, userId: string) {
  const router = useRouter()
  const [state, setState] = useState({ from: initial, page: 0, loading: false, ...(initial ?? emptyPage) })
  // A server render (navigation, filters, a reconnect) brings a new first page: it replaces ours.
  if (initial && state.from !== initial) setState({ from: initial, page: 0, loading: false, ...initial })

  const fits = useCallback(
    (r: QueueRowDTO) =>
      (OPEN_STATUSES as readonly string[]).includes(r.status) &&
      (!params.filters.category || r.category === params.filters.category) &&
      (!params.filters.status || r.status === params.filters.status) &&
      inQueue(params.view, r, { userId }, new Date()),
    [params, userId],
  )

  // The row placed in the list: replaced, dropped when it leaves the view, or inserted where
  // its deadline puts it among the rows loaded.
  const placed = useCallback(
    <S extends typeof state>(s: S, id: string, row: QueueRowDTO | null): S => {
      const at = s.rows.findIndex((r) => r.id === id)
      if (!row || !fits(row)) return at < 0 ? s : { ...s, rows: s.rows.filter((r) => r.id !== id) }
      if (at >= 0) return { ...s, rows: s.rows.map((r) => (r.id === id ? row : r)) }
      // A text search also matches the conversation, which the browser cannot check: while
      // one is active, events update the rows found but add none.
      if (params.filters.q) return s
      // Beyond the last row loaded it belongs to a later page.
      const last = s.rows[s.rows.length - 1]
      if (s.more && last && byDeadline(row, last) > 0) return s
      return { ...s, rows: [...s.rows, row].sort(byDeadline) }
    },
    [fits, params.filters.q],
  )

  const refetch = useRequestRefetch<RowAnswer>(
    (id, answer) => {
      if (answer) setState((s) => placed({ ...s, counts: answer.counts }, id, answer.row))
    },
    (id) => getJson<RowAnswer>(queueUrl(params, { row: id })),
  )

  // The view counts are read again after events, one read at a time however many arrive.
  const counting = useRef<'idle' | 'running' | 'again'>('idle')
  const recount = useCallback(async () => {
    if (counting.current !== 'idle') {
      counting.current = 'again'
      return
    }
    do {
      counting.current = 'running'
      const answer = await getJson<Pick<QueuePage, 'counts'>>(queueUrl(params, { counts: '1' }))
      if (answer !== 'failed') setState((s) => ({ ...s, counts: answer.counts }))
    } while ((counting.current as string) === 'again')
    counting.current = 'idle'
  }, [params])

  // An event that carries the row is applied as it is: the newest message's preview comes with
  // it, and a client's new words mark the row unread until the butler opens it.
  const applyEventRow = (name: string, data: StreamEvent & { requestId: string; row: EventRow }) =>
    setState((s) => {
      const before = s.rows.find((r) => r.id === data.requestId)
      const unread =
        (name === 'message.created' && data.fromClient === true) ||
        (before ? before.unread : name === 'request.created' || Boolean(data.row.last?.fromClient))
      return placed(s, data.requestId, { ...data.row, last: data.row.last ?? null, unread })
    })

  const loadPage = async (page: number) => {
    setState((s) => ({ ...s, loading: true }))
    const next = await getJson<QueuePage>(queueUrl(params, { page: String(page) }))
    setState((s) => {
      if (next === 'failed') return { ...s, loading: false }
      const have = new Set(page === 0 ? [] : s.rows.map((r) => r.id))
      const rows = page === 0 ? next.rows : [...s.rows, ...next.rows.filter((r) => !have.has(r.id))]
      return { ...s, rows: rows.sort(byDeadline), counts: next.counts, more: next.more, page, loading: false }
    })
  }
  const loadFirst = () => loadPage(0)

  useStreamEvents((name, data) => {
    // The viewer's own rights changed: which rows belong here is answered by the server once.
    if (name === 'scope') {
      if (initial) router.refresh()
      else void loadFirst()
    } else if (data.requestId && changesRow(name)) {
      if (data.row) {
        applyEventRow(name, { ...data, requestId: data.requestId, row: data.row })
        void recount()
      } else refetch(data.requestId)
    } else if (name === 'resync' && !initial) void loadFirst()
  })

  return {
    rows: state.rows,
    counts: state.counts,
    more: state.more,
    loading: state.loading,
    showMore: () => loadPage(state.page + 1),
    loadFirst,
  }
}

const emptyPage: QueuePage = {
  rows: [],
  counts: { mine: 0, offered: 0, backups: 0, atRisk: 0, all: 0 },
  more: false,
}
