import 'server-only'
import pg from 'pg'
import { directClient } from '../db/pools'
import { log } from '../log'
import { decideDueMarks, nextMark } from './service'

// Sent by the trigger on "SlaTimer" when a commit starts, resumes or shifts a clock: the epoch
// milliseconds of that clock's next mark.
const SLA_MARKS_CHANNEL = 'sla_marks'

// The timer never sleeps longer than this, so a missed notification (a lost LISTEN connection,
// a write the trigger does not see) costs at most this much: the safety-net sweep.
const SAFETY_SWEEP_MS = 5_000
// After a failed pass or decision, wait before trying again rather than spin on it.
const RETRY_MS = 1_000
const RECONNECT_MS = 1_000
// A due mark another worker is deciding: look again shortly (its claim usually commits by then).
const HELD_MS = 20
const BATCH = 200

export type SlaTimerLoop = { stop: () => Promise<void> }

// One timer for the nearest undecided mark over all open clocks, its delay measured by the
// database's clock; woken early by NOTIFY when a nearer mark is committed. Each pass decides
// whatever is due (the claims are conditional updates, so racing workers decide each mark once),
// then re-arms. Resolves once the first pass has decided everything already overdue.
export async function startSlaTimer(opts: { safetySweepMs?: number } = {}): Promise<SlaTimerLoop> {
  const safetyMs = opts.safetySweepMs ?? SAFETY_SWEEP_MS
  let timeout: NodeJS.Timeout | null = null
  let armedFor: number | null = null // epoch ms (database clock) of the mark the timeout waits for
  let running: Promise<void> | null = null
  let rerun = false
  let stopped = false
  let listener: pg.Client | null = null
  let reconnect: NodeJS.Timeout | null = null
  let listening: Promise<void> = Promise.resolve()

  const arm = (delayMs: number, forMs: number | null) => {
    if (timeout) clearTimeout(timeout)
    if (stopped) return
    armedFor = forMs
    timeout = setTimeout(wake, Math.min(Math.max(0, delayMs), safetyMs))
  }

  // Clocks whose decision failed, and when (Date.now()) to try them again: left out until then so
  // that one failing clock neither holds up the others nor makes the loop spin.
  const failing = new Map<string, number>()

  async function pass() {
    try {
      for (const [id, at] of failing) if (at <= Date.now()) failing.delete(id)
      let progress = false
      for (;;) {
        const r = await decideDueMarks(BATCH, [...failing.keys()])
        for (const id of r.failed) failing.set(id, Date.now() + RETRY_MS)
        progress ||= r.decided > 0
        if (r.due < BATCH || r.decided === 0) break
      }
      // Read the next mark only once LISTEN holds: any commit before then is in what it reads.
      await listening
      const next = await nextMark([...failing.keys()])
      const retryIn = failing.size ? Math.min(...failing.values()) - Date.now() : Infinity
      if (!next) arm(retryIn, null)
      // Due but not decided: it fell due during this pass, or another worker holds it right now.
      else if (next.inMs <= 0 && progress) rerun = true
      else if (next.inMs <= 0) arm(HELD_MS, null)
      else arm(Math.min(next.inMs, retryIn), retryIn < next.inMs ? null : next.atMs)
    } catch (err) {
      log.error({ err }, 'sla timer pass failed')
      arm(RETRY_MS, null)
    }
  }

  function wake() {
    if (stopped) return
    if (running) {
      rerun = true
      return
    }
    rerun = false
    running = pass().finally(() => {
      running = null
      if (rerun) wake()
    })
  }

  function onNotification(msg: pg.Notification) {
    if (msg.channel !== SLA_MARKS_CHANNEL) return
    const at = Number(msg.payload)
    // Only a mark nearer than the armed one (or any, mid-pass or with nothing armed) needs a pass.
    if (running || armedFor === null || !(at >= armedFor)) wake()
  }

  async function listen() {
    const client = directClient('sla-timer')
    client.on('notification', onNotification)
    client.on('error', (err) => {
      log.warn({ err }, 'sla timer lost its LISTEN connection; reconnecting')
      if (listener === client) listener = null
      client.end().catch(() => {})
      scheduleReconnect()
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${SLA_MARKS_CHANNEL}`)
      if (stopped) {
        await client.end()
        return
      }
      listener = client
    } catch (err) {
      log.warn({ err }, 'sla timer could not LISTEN; retrying')
      client.end().catch(() => {})
      scheduleReconnect()
    }
  }

  function scheduleReconnect() {
    if (stopped || reconnect) return
    reconnect = setTimeout(() => {
      reconnect = null
      // Notifications may have been missed while disconnected: look again once listening.
      listening = listen()
      void listening.then(() => wake())
    }, RECONNECT_MS)
  }

  // Overdue marks are decided while the LISTEN connection opens.
  listening = listen()
  wake()
  await running

  return {
    async stop() {
      stopped = true
      if (timeout) clearTimeout(timeout)
      if (reconnect) clearTimeout(reconnect)
      await running
      await listener?.end().catch(() => {})
      listener = null
    },
  }
}
