// How much two web processes serve: the highest rate of the product's mix (one request
// submission to two page loads: a butler's console or a request page) at which p95 stays
// <= 500 ms and nothing is lost (every acknowledged submission stored once, no errors).
// Steps up the rate (BENCH_RATES, requests per second in all), STEP_SECONDS each, an open loop
// spread over two `next start` processes on one database with one worker, as two web copies
// behind a load balancer. Writes bench/results/capacity.json. Test database (wiped first);
// needs `npm run build`.
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createSession, loadActor } from '../lib/auth/sessions'
import { db } from '../lib/db'
import { stopProducer } from '../lib/jobs/boss'
import { createRequest } from '../lib/requests/lifecycle'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createDefaultPolicies, createProcessConfig, createStaff } from '../tests/factories'
import {
  findAction,
  machine,
  postAction,
  processCpuMs,
  runBench,
  sessionCookie,
  sleep,
  startApp,
  writeResult,
} from './harness'
import { summarise } from './stats'

const PORTS = [3197, 3198]
const BASES = PORTS.map((p) => `http://127.0.0.1:${p}`)
const RATES = (process.env.BENCH_RATES ?? '30,45,60,75,90,105,120,135,150').split(',').map(Number)
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 20)
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 600)
const P95_GOAL_MS = 500
const CLIENTS = 200
const BUTLERS = 10
const OPEN_PER_BUTLER = 30

type Sample = { kind: 'submit' | 'page'; ms: number; ok: boolean; status: number | 'network' }

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first')
  await resetDatabase(process.env.DATABASE_URL!)
  await createDefaultPolicies(db)
  await createProcessConfig(db)

  const butlers = await Promise.all(
    Array.from({ length: BUTLERS }, async (_, i) => {
      const b = await createStaff(db, { name: `Capacity Butler ${i}` })
      return { id: b.id, cookie: await sessionCookie(b.id), requestIds: [] as string[] }
    }),
  )
  const clients: { userId: string; cookie: string; ip: string }[] = []
  for (let i = 0; i < CLIENTS; i++) {
    const butler = butlers[i % BUTLERS]
    const c = await createClient(db, { name: `Capacity Client ${i}`, dedicatedButlerId: butler.id })
    clients.push({ userId: c.userId, cookie: await sessionCookie(c.userId), ip: `10.3.${i >> 8}.${(i % 250) + 1}` })
    // A working console: each butler holds open requests from the start.
    if (butler.requestIds.length < OPEN_PER_BUTLER) {
      const actor = (await loadActor(await createSession(c.userId)))!
      for (let k = 0; k < OPEN_PER_BUTLER / (CLIENTS / BUTLERS) + 1; k++) {
        const r = await createRequest(actor, { category: 'OTHER', title: `Standing ${i}-${k}`, details: {} })
        butler.requestIds.push(r.id)
      }
    }
  }

  const app = await startApp({ ports: PORTS, env: { TRUSTED_PROXY_HOPS: '1', HTTP_COMPRESSION: 'proxy' } })

  const create = findAction('createRequestAction', 'portal/requests/new')
  let seq = 0
  const acknowledged = new Map<string, string>()
  const submit = async (base: string): Promise<Sample> => {
    const i = seq++
    const client = clients[i % CLIENTS]
    const key = randomUUID()
    const form = new FormData()
    form.set('category', 'OTHER')
    form.set('title', `Table for two tonight ${i}`)
    form.set('idempotencyKey', key)
    const at = performance.now()
    try {
      const r = await postAction(base, create, create.path, client.cookie, form, { 'X-Forwarded-For': client.ip })
      const id = r.ok ? /"data":\{"id":"([^"]+)"/.exec(r.text)?.[1] : undefined
      if (id) acknowledged.set(key, id)
      return { kind: 'submit', ms: performance.now() - at, ok: Boolean(id), status: r.status }
    } catch {
      return { kind: 'submit', ms: performance.now() - at, ok: false, status: 'network' }
    }
  }
  const page = async (base: string): Promise<Sample> => {
    const i = seq++
    const butler = butlers[i % BUTLERS]
    const path = i % 2 ? '/console' : `/console/requests/${butler.requestIds[i % butler.requestIds.length]}`
    const at = performance.now()
    try {
      const res = await fetch(`${base}${path}`, { headers: { Cookie: butler.cookie }, redirect: 'manual' })
      await res.arrayBuffer()
      return { kind: 'page', ms: performance.now() - at, ok: res.status === 200, status: res.status }
    } catch {
      return { kind: 'page', ms: performance.now() - at, ok: false, status: 'network' }
    }
  }

  // Warm-up: a production process is long-lived, so it is measured once V8 has compiled its hot
  // code (bench:cpu found the JIT still compiling after hundreds of requests, at 1-3 ms of CPU a
  // request on its background threads). WARMUP rounds of the mix on each process, three at a time.
  for (let i = 0; i < WARMUP_ROUNDS; i++) await Promise.all(BASES.flatMap((b) => [submit(b), page(b), page(b)]))
  acknowledged.clear()

  // The web processes' CPU milliseconds so far, read before and after each step.
  const webCpu = () => app.webPids.reduce((sum, pid) => sum + processCpuMs(pid), 0)
  const steps = []
  for (const rate of RATES) {
    const samples: Promise<Sample>[] = []
    const cpuBefore = webCpu()
    const t0 = performance.now()
    for (let n = 0; performance.now() - t0 < STEP_SECONDS * 1000; n++) {
      await sleep(t0 + (n * 1000) / rate - performance.now())
      const base = BASES[n % BASES.length]
      samples.push(n % 3 === 0 ? submit(base) : page(base))
    }
    const done = await Promise.all(samples)
    // The web processes' CPU for the step's requests, beside bench:cpu's one-at-a-time figures.
    const webCpuMsPerRequest = Math.round(((webCpu() - cpuBefore) / done.length) * 10) / 10
    const all = summarise(done.map((s) => s.ms))
    const failed = done.filter((s) => !s.ok)
    const step = {
      ratePerSecond: rate,
      sent: done.length,
      failed: failed.length,
      failedStatuses: failed.reduce<Record<string, number>>(
        (m, s) => ({ ...m, [String(s.status)]: (m[String(s.status)] ?? 0) + 1 }),
        {},
      ),
      latencyMs: all,
      submitMs: summarise(done.filter((s) => s.kind === 'submit').map((s) => s.ms)),
      pageMs: summarise(done.filter((s) => s.kind === 'page').map((s) => s.ms)),
      webCpuMsPerRequest,
      served: failed.length === 0 && (all.p95 ?? Infinity) <= P95_GOAL_MS,
    }
    steps.push(step)
    console.log(JSON.stringify(step))
    if (!step.served) break
    await sleep(2000)
  }

  // Nothing acknowledged lost, nothing stored twice, one first-response clock each.
  const keys = [...acknowledged.keys()]
  const stored = await db.serviceRequest.count({ where: { idempotencyKey: { in: keys } } })
  const [{ n: withoutOneClock }] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "ServiceRequest" r
    WHERE (SELECT count(*) FROM "SlaTimer" t WHERE t."requestId" = r.id AND t.kind = 'FIRST_RESPONSE') <> 1`
  const served = steps.filter((s) => s.served)
  const out = {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    setup: {
      webProcesses: BASES.length,
      workers: 1,
      mix: 'one submission (server action) to two page loads (console, request page), round-robin over both web processes',
      stepSeconds: STEP_SECONDS,
      warmUpRequests: WARMUP_ROUNDS * 3 * BASES.length,
      p95GoalMs: P95_GOAL_MS,
    },
    steps,
    highestServedRatePerSecond: served.length ? served[served.length - 1].ratePerSecond : 0,
    acknowledged: acknowledged.size,
    acknowledgedStored: stored,
    requestsWithOtherThanOneFirstResponseClock: Number(withoutOneClock),
  }
  writeResult('capacity', out)
  process.exitCode = stored === acknowledged.size && Number(withoutOneClock) === 0 ? 0 : 1
  app.stop()
  await stopProducer()
  await db.$disconnect()
}

runBench(main)
