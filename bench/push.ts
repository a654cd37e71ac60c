// New-request-to-console latency: 50 supervisor consoles hold the live event stream of a
// production web process; requests are submitted at a steady rate; for each console and
// request, the time from the submit's commit to the event's arrival. Writes
// bench/results/push.json. Runs on the test database (wiped first) and needs `npm run build`.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { encode } from 'next-auth/jwt'
import { createSession, loadActor } from '../lib/auth/sessions'
import { db } from '../lib/db'
import { stopProducer } from '../lib/jobs/boss'
import { createRequest } from '../lib/requests/lifecycle'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createDefaultPolicies, createStaff } from '../tests/factories'
import { summarise } from './stats'

const CONSOLES = Number(process.env.BENCH_CONSOLES ?? 50)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100)
const PORT = 3190
const SECRET = 'bench-push-secret-not-for-production'
const BASE = `http://127.0.0.1:${PORT}`

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('web process did not start')
}

async function main() {
  await resetDatabase(process.env.DATABASE_URL!)
  await createDefaultPolicies(db)
  const butler = await createStaff(db, { name: 'Push Butler' })
  const client = await createClient(db, { name: 'Push Client', dedicatedButlerId: butler.id })
  const clientActor = (await loadActor(await createSession(client.userId)))!

  const web = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'],
    {
      env: { ...process.env, AUTH_SECRET: SECRET, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
      stdio: 'ignore',
    },
  )
  try {
    await waitForHealth()
    // Each console is a real signed-in supervisor session: a server-side session row and the
    // encrypted cookie Auth.js would have set.
    const received = new Map<string, number[]>()
    const streams: AbortController[] = []
    let ready = 0
    for (let i = 0; i < CONSOLES; i++) {
      const sup = await createStaff(db, { role: 'SUPERVISOR', name: `Console ${i}` })
      const sid = await createSession(sup.id)
      const cookie = await encode({ token: { sid, sub: sup.id }, secret: SECRET, salt: 'authjs.session-token' })
      const abort = new AbortController()
      streams.push(abort)
      const res = await fetch(`${BASE}/api/events`, {
        headers: { cookie: `authjs.session-token=${cookie}` },
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
              const id = JSON.parse(chunk.split('data: ')[1]).requestId as string
              const list = received.get(id) ?? []
              list.push(performance.now())
              received.set(id, list)
            }
          }
        }
      })()
    }
    while (ready < CONSOLES) await new Promise((r) => setTimeout(r, 50))

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
    for (const [id, at] of committedAt) {
      const got = received.get(id) ?? []
      missing += CONSOLES - got.length
      for (const t of got) latencies.push(t - at)
    }
    const out = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      setup: { consoles: CONSOLES, requests: REQUESTS, submitEveryMs: 200, webProcesses: 1 },
      deliveries: latencies.length,
      missing,
      latencyMs: summarise(latencies),
      note: 'from the submit transaction returning to the event read by each console',
      goal: 'p95 <= 150 ms',
    }
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/push.json', JSON.stringify(out, null, 2) + '\n')
    console.log(JSON.stringify(out, null, 2))
    process.exitCode = missing === 0 && (out.latencyMs.p95 ?? Infinity) <= 150 ? 0 : 1
  } finally {
    web.kill('SIGTERM')
    await stopProducer()
    await db.$disconnect()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
