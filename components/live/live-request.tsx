'use client'

import { useRouter } from 'next/navigation'
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react'
import type { LiveMessageDTO, MessageDTO, RequestLiveDTO } from '@/lib/requests/queries'
import { changesRow, useStreamEvents } from './event-stream'
import { useRequestRefetch } from './use-live-requests'

// A message the viewer sent that the server has not confirmed yet, keyed by its idempotency key.
export type PendingMessage = { key: string; body: string; internal: boolean; failed: boolean }

type LiveRequestState = {
  request: RequestLiveDTO
  messages: MessageDTO[]
  pending: PendingMessage[]
  addPending: (p: Omit<PendingMessage, 'failed'>) => void
  failPending: (key: string) => void
  confirmPending: (key: string, id: string) => void
  // Sends the composer's kept draft again (registered by the composer).
  retry: (() => void) | null
  setRetry: (retry: (() => void) | null) => void
}

const LiveRequestContext = createContext<LiveRequestState | null>(null)

export function useLiveRequest() {
  const state = useContext(LiveRequestContext)
  if (!state) throw new Error('useLiveRequest outside <LiveRequest>')
  return state
}

// A composer's hooks into the live thread (for useActionForm): a send shows at once as pending
// under its idempotency key, a refusal marks it failed, the server's answer confirms it.
export function usePendingSends() {
  const { addPending, failPending, confirmPending } = useLiveRequest()
  const draftKey = (sent: FormData) => String(sent.get('idempotencyKey') ?? '')
  return {
    onSubmit(sent: FormData) {
      const text = String(sent.get('body') ?? '').trim()
      if (text) addPending({ key: draftKey(sent), body: text, internal: sent.get('internal') === 'on' })
    },
    onFailure: (sent: FormData) => failPending(draftKey(sent)),
    onSuccess: (stored: { id: string }, sent: FormData) => confirmPending(draftKey(sent), stored.id),
  }
}

// The thread's "send again" resubmits the composer's form, which still holds the draft.
export function useRetryWith(form: RefObject<HTMLFormElement | null>) {
  const { setRetry } = useLiveRequest()
  useEffect(() => {
    setRetry(() => form.current?.requestSubmit())
    return () => setRetry(null)
  }, [form, setRetry])
}

async function fetchMessage(id: string): Promise<LiveMessageDTO | null> {
  try {
    const res = await fetch(`/api/messages/${encodeURIComponent(id)}`, { cache: 'no-store' })
    return res.ok ? ((await res.json()) as LiveMessageDTO) : null
  } catch {
    return null
  }
}

const byTime = (a: MessageDTO, b: MessageDTO) => a.createdAt.localeCompare(b.createdAt)

// One request on screen, kept current in the browser. A new message comes with its event (or,
// when the event could not carry it, is fetched alone) and is appended; a clock or status
// change applies the row the event carries. Side panels (alternatives,
// vendor confirmations, hand-offs, attachments, the rating) still come from the server: a
// `request.updated` for this request re-renders the page once, after the row is applied.
export function LiveRequest({
  initial,
  messages: initialMessages,
  children,
}: {
  initial: RequestLiveDTO
  messages: MessageDTO[]
  children: ReactNode
}) {
  const router = useRouter()
  const [request, setRequest] = useState(initial)
  const [messages, setMessages] = useState(initialMessages)
  const [pending, setPending] = useState<PendingMessage[]>([])
  const [retry, setRetryState] = useState<(() => void) | null>(null)
  const setRetry = useCallback((fn: (() => void) | null) => setRetryState(() => fn), [])
  // A server render brings fresher data than anything before it; later events apply on top.
  const [from, setFrom] = useState({ initial, initialMessages })
  if (from.initial !== initial || from.initialMessages !== initialMessages) {
    setFrom({ initial, initialMessages })
    setRequest(initial)
    setMessages((mine) => {
      const ids = new Set(initialMessages.map((m) => m.id))
      return [...initialMessages, ...mine.filter((m) => !ids.has(m.id))].sort(byTime)
    })
  }

  const addMessage = useCallback((m: MessageDTO, key: string | null) => {
    setMessages((prev) => (prev.some((x) => x.id === m.id) ? prev : [...prev, m].sort(byTime)))
    if (key) setPending((prev) => prev.filter((p) => p.key !== key))
  }, [])

  const refreshSoon = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => () => clearTimeout(refreshSoon.current ?? undefined), [])
  const refetch = useRequestRefetch((_id, row) => {
    // Out of the viewer's scope now: nothing more is applied, and any action is refused there.
    if (row) setRequest(row)
  })

  useStreamEvents((name, data) => {
    if (data.requestId !== initial.id || !changesRow(name)) return
    // The event carries the request as this viewer sees it (status, clocks, version); an event
    // without it has the row read back.
    const update = () => (data.row ? setRequest(data.row) : refetch(initial.id))
    if (name === 'message.created' && data.messageId) {
      const id = data.messageId
      if (data.message) addMessage(data.message, data.message.key)
      else void fetchMessage(id).then((m) => m && addMessage(m, m.key))
      // The reply meets a clock and may change the status.
      update()
      return
    }
    update()
    if (name === 'request.updated') {
      clearTimeout(refreshSoon.current ?? undefined)
      refreshSoon.current = setTimeout(() => router.refresh(), 200)
    }
  })

  const addPending = useCallback(
    (p: Omit<PendingMessage, 'failed'>) =>
      setPending((prev) => [...prev.filter((x) => x.key !== p.key), { ...p, failed: false }]),
    [],
  )
  const failPending = useCallback(
    (key: string) => setPending((prev) => prev.map((p) => (p.key === key ? { ...p, failed: true } : p))),
    [],
  )
  // Confirmed by the action's answer (the event may come later, or not at all if the stream
  // is down): the message and the request's row (status, clock, version) are read once more.
  const confirmPending = useCallback(
    (key: string, id: string) => {
      void fetchMessage(id).then((m) => {
        if (m) addMessage(m, key)
        else setPending((prev) => prev.filter((p) => p.key !== key))
      })
      refetch(initial.id)
    },
    [addMessage, refetch, initial.id],
  )

  return (
    <LiveRequestContext.Provider
      value={{ request, messages, pending, addPending, failPending, confirmPending, retry, setRetry }}
    >
      {children}
    </LiveRequestContext.Provider>
  )
}
