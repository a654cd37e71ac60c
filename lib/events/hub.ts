import 'server-only'
import pg from 'pg'
import { directClient } from '../db/pools'
import { log } from '../log'
import { EVENTS_CHANNEL, type BusEvent } from './publish'

// 'resync' tells streams that events may have been missed while the connection was down.
export type HubEvent = BusEvent | { type: 'resync' }
type Listener = (event: HubEvent) => void

// One LISTEN connection per web process, fanned out to every open event stream in it.
class EventHub {
  private listeners = new Set<Listener>()
  private client: pg.Client | null = null
  private connecting: Promise<void> | null = null
  private hasConnected = false

  subscribe(listener: Listener) {
    this.listeners.add(listener)
    void this.ensureConnected()
    return () => this.listeners.delete(listener)
  }

  get size() {
    return this.listeners.size
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve()
    this.connecting ??= this.connect().finally(() => (this.connecting = null))
    return this.connecting
  }

  private async connect() {
    // LISTEN needs a session of its own: never through a transaction-pooling PgBouncer.
    const client = directClient('events')
    client.on('notification', (msg) => {
      if (msg.channel !== EVENTS_CHANNEL || !msg.payload) return
      let event: BusEvent
      try {
        event = JSON.parse(msg.payload)
      } catch {
        return
      }
      // One listener's failure must not take the others (or the process) down with it.
      for (const l of this.listeners) {
        try {
          l(event)
        } catch (err) {
          log.error({ err, type: event.type }, 'event listener failed')
        }
      }
    })
    client.on('error', (err) => {
      log.warn({ err }, 'event hub connection lost; reconnecting')
      this.client = null
      client.end().catch(() => {})
      setTimeout(() => {
        if (this.listeners.size) void this.ensureConnected()
      }, 500)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${EVENTS_CHANNEL}`)
      this.client = client
      if (this.hasConnected) for (const l of this.listeners) l({ type: 'resync' })
      this.hasConnected = true
    } catch (err) {
      log.warn({ err }, 'event hub could not connect; retrying')
      client.end().catch(() => {})
      setTimeout(() => {
        if (this.listeners.size) void this.ensureConnected()
      }, 1000)
    }
  }
}

const globalForHub = globalThis as unknown as { eventHub?: EventHub }
export const eventHub = (globalForHub.eventHub ??= new EventHub())
