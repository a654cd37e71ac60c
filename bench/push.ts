// New-request-to-console latency with 500 open event streams on one production web process:
// supervisors' boards and the dedicated butler's consoles (who must receive each new request)
// and other butlers' consoles (who must receive none of it). Requests are submitted at a steady
// rate on a quiet machine; for each receiving stream and request, the time from the submit's
// commit to the event's arrival. Who receives what is decided in memory from the audience the
// notification carries: the run also counts events that reached a stream outside it (leaks).
// Writes bench/results/push.json. Runs on the test database (wiped first) and needs a build.
import os from 'node:os'
import { createSession, loadActor } from '../lib/auth/sessions'
import { db } from '../lib/db'
import { stopProducer } from '../lib/jobs/boss'
import { createRequest } from '../lib/requests/lifecycle'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createDefaultPolicies, createStaff } from '../tests/factories'
import { summarise } from './stats'
import { runBench, sessionCookie, startWeb, waitHealthy, writeResult } from './harness'

const STREAMS = Number(process.env.BENCH_STREAMS ?? 500)
// Several sessions per person, as people keep a few tabs and devices open.
const MIX = [
  { role: 'SUPERVISOR' as const, people: 4, share: 0.4, receives: true },
  { role: 'DEDICATED' as const, people: 1, share: 0.2, receives: true },
  { role: 'BUTLER' as const, people: 5, share: 0.4, receives: false },
]
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100)
const PORT = Number(process.env.BENCH_PORT ?? 3190)
const BASE = `http://127.0.0.1:${PORT}`

async function main() {
  // The machine is shared: its load is recorded with the result, before and after.
  const loadBefore = os.loadavg().map((l) => Math.round(l * 10) / 10)
  await resetDatabase(process.env.DATABASE_URL!)
  await createDefaultPolicies(db)
  const butler = await createStaff(db, { name: 'Push Butler' })
  const client = await createClient(db, { name: 'Push Client', dedicatedButlerId: butler.id })
  const clientActor = (await loadActor(await createSession(client.userId)))!
  const streamUsers: { userId: string; receives: boolean }[] = []
  for (const m of MIX) {
    const users =
      m.role === 'DEDICATED'
        ? [butler.id]
        : await Promise.all(
            Array.from(
              { length: m.people },
              async (_, i) =>
                (await createStaff(db, { role: m.role as 'SUPERVISOR' | 'BUTLER', name: `${m.role} ${i}` })).id,
            ),
          )
    const count = Math.round(STREAMS * m.share)
    for (let i = 0; i < count; i++) streamUsers.push({ userId: users[i % users.length], receives: m.receives })
  }

  const web = startWeb({ port: PORT })
  try {
    if (!(await waitHealthy(BASE))) throw new Error('web process did not start')
    // Each stream is a real signed-in session: a server-side session row and the encrypted
    // cookie Auth.js would have set.
    const received = new Map<string, number[]>()
    let leaks = 0
    const streams: AbortController[] = []
    let ready = 0
    for (const [i, s] of streamUsers.entries()) {
      const cookie = await sessionCookie(s.userId)
      const abort = new AbortController()
      streams.push(abort)
      const res = await fetch(`${BASE}/api/events`, {
        headers: { cookie },
        signal: abort.signal,
      })
      if (!res.ok || !res.body) throw new Error(`stream ${i}: ${res.status}`)
      void (async () => {
        const reader = res.body!.getReader()
        const decoder = new TextDecoder()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
          if (done) return
          buffer += decoder.decode(value, { stream: true })
          let cut
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const chunk = buffer.slice(0, cut)
            buffer = buffer.slice(cut + 2)
            if (chunk.startsWith('event: ready')) ready++
            if (chunk.startsWith('event: request.created')) {
              if (!s.receives) {
                leaks++
                continue
              }
              const id = JSON.parse(chunk.split('data: ')[1]).requestId as string
              const list = received.get(id) ?? []
              list.push(performance.now())
              received.set(id, list)
            }
          }
        }
      })()
    }
    while (ready < streamUsers.length) await new Promise((r) => setTimeout(r, 50))

    const committedAt = new Map<string, number>()
    for (let i = 0; i < REQUESTS; i++) {
      const r = await createRequest(clientActor, { category: 'OTHER', title: `Push ${i}`, details: {} })
      committedAt.set(r.id, performance.now())
      await new Promise((res) => setTimeout(res, 200))
    }
    await new Promise((r) => setTimeout(r, 2000))
    streams.forEach((s) => s.abort())

    const latencies: number[] = []
    let missing = 0
    const receivers = streamUsers.filter((s) => s.receives).length
    for (const [id, at] of committedAt) {
      const got = received.get(id) ?? []
      missing += receivers - got.length
      for (const t of got) latencies.push(t - at)
    }
    const out = {
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverage1_5_15: { before: loadBefore, after: os.loadavg().map((l) => Math.round(l * 10) / 10) },
      },
      setup: {
        openStreams: streamUsers.length,
        receivingStreams: receivers,
        mix: MIX.map((m) => ({ role: m.role, people: m.people, streams: Math.round(STREAMS * m.share) })),
        requests: REQUESTS,
        submitEveryMs: 200,
        webProcesses: 1,
        load: 'quiet',
      },
      deliveries: latencies.length,
      missing,
      leaks,
      latencyMs: summarise(latencies),
      note: 'from the submit transaction returning to the event read by each console',
      goal: 'p95 <= 100 ms, no event outside its audience',
    }
    writeResult('push', out)
    process.exitCode = missing === 0 && leaks === 0 && (out.latencyMs.p95 ?? Infinity) <= 100 ? 0 : 1
  } finally {
    web.kill('SIGTERM')
    await stopProducer()
    await db.$disconnect()
  }
}

runBench(main)
