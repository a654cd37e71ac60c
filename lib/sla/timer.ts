import pg from 'pg'
import { env } from '../env'
import { log } from '../log'
import { decideDueMarks, nextMark } from './service'

// Sent by the trigger on "SlaTimer" when a commit starts, resumes or shifts a clock: the epoch
// milliseconds of that clock's next mark.
export const SLA_MARKS_CHANNEL = 'sla_marks'

// The timer never sleeps longer than this, so a missed notification (a lost LISTEN connection,
// a write the trigger does not see) costs at most this much: the safety-net sweep.
const SAFETY_SWEEP_MS = 5_000
// After a failed pass or decision, wait before trying again rather than spin on it.
const RETRY_MS = 1_000
const RECONNECT_MS = 1_000
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

  const arm = (delayMs: number, forMs: number | null) => {
    if (timeout) clearTimeout(timeout)
    armedFor = forMs
    timeout = setTimeout(wake, Math.min(Math.max(0, delayMs), safetyMs))
  }

  async function pass() {
    try {
      let failed = 0
      for (;;) {
        const r = await decideDueMarks(BATCH)
        failed += r.failed
        if (r.due < BATCH || r.decided === 0) break
      }
      const next = await nextMark()
      if (!next) arm(safetyMs, null)
      else if (failed) arm(Math.max(next.inMs, RETRY_MS), null)
      else if (next.inMs <= 0) rerun = true // fell due during this pass
      else arm(next.inMs, next.atMs)
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
    const client = new pg.Client({ connectionString: env().DATABASE_URL })
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
      void listen().then(() => wake())
    }, RECONNECT_MS)
  }

  // Listen before the first pass, so nothing committed in between goes unheard.
  await listen()
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
