'use client'

import { useEffect, useRef, useSyncExternalStore } from 'react'
import type { QueueRowDTO } from '@/lib/console/queue'
import type { LiveMessageDTO, RequestLiveDTO } from '@/lib/requests/queries'

// The request as this viewer sees it, carried by the event (staff also get the queue's preview
// of the newest message), so a live view applies it without reading it back.
export type EventRow = RequestLiveDTO & { last?: QueueRowDTO['last'] }

// What the server forwards for a request event: ids, small flags and the row when the server
// could read it (app/api/events/route.ts).
export type StreamEvent = {
  row?: EventRow
  // A new message as this viewer sees it (with the key of their own pending copy, if theirs).
  message?: LiveMessageDTO
  requestId?: string
  clientId?: string
  messageId?: string
  state?: string
  stage?: string
  fromClient?: boolean
  // thread.read: when, and whether the client's side (else the team's) read the thread.
  readAt?: string
  byClient?: boolean
  closed?: boolean
}
type Listener = (name: string, data: StreamEvent) => void

// The events that change a request's row (and carry it): a view applies these, or reads the row
// back when the event could not carry it. Others (a read marker, a resync) change no row.
const ROW_EVENTS = new Set(['request.created', 'request.updated', 'request.offered', 'message.created', 'sla.changed'])
export const changesRow = (name: string) => ROW_EVENTS.has(name)

const STREAM_EVENTS = [...ROW_EVENTS, 'thread.read', 'scope', 'resync']

// One EventSource per tab, shared by every live view on the page and opened while one of them
// is mounted. After a reconnect the views hear 'resync': NOTIFY has no replay.
let source: EventSource | null = null
let connected = false
let opened = false
const listeners = new Set<Listener>()
const watchers = new Set<() => void>()

function setConnected(value: boolean) {
  connected = value
  watchers.forEach((w) => w())
}

function open() {
  source = new EventSource('/api/events')
  source.addEventListener('ready', () => {
    setConnected(true)
    if (opened) listeners.forEach((l) => l('resync', {}))
    opened = true
  })
  source.onerror = () => setConnected(false)
  const handle = (e: MessageEvent) => {
    let data: StreamEvent = {}
    try {
      data = JSON.parse(e.data)
    } catch {
      /* an empty payload is still an event */
    }
    listeners.forEach((l) => l(e.type, data))
  }
  for (const name of STREAM_EVENTS) source.addEventListener(name, handle)
}

function subscribe(listener: Listener) {
  listeners.add(listener)
  if (!source) open()
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && source) {
      source.close()
      source = null
      opened = false
      setConnected(false)
    }
  }
}

// Calls the latest `onEvent` for every event this user may see.
export function useStreamEvents(onEvent: Listener) {
  const latest = useRef(onEvent)
  useEffect(() => {
    latest.current = onEvent
  }, [onEvent])
  useEffect(() => subscribe((name, data) => latest.current(name, data)), [])
}

export function useStreamConnected() {
  return useSyncExternalStore(
    (onChange) => {
      watchers.add(onChange)
      return () => watchers.delete(onChange)
    },
    () => connected,
    () => false,
  )
}
