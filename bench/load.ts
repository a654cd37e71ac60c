// Load and fault run: the production build (one web process) and one worker on PostgreSQL.
// For BENCH_SECONDS (60), simulated clients submit requests and message their butlers at
// WRITE_RATE (50/s, half each) through the same server actions the portal calls, while
// butlers load request pages at READ_RATE (200/s). A third of the way in the web process is
// killed (SIGKILL) and restarted; two thirds in, the worker. Submissions and messages that get
// no answer are re-sent with the same idempotency key, as the portal does. In the same run,
// the same submission is timed as a bare INSERT + COMMIT for comparison.
// Writes bench/results/load.json. Runs on the test database (wiped first); needs `npm run build`.
import type { ChildProcess, StdioOptions } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import pg from 'pg'
import { createSession, loadActor } from '../lib/auth/sessions'
import { db } from '../lib/db'
import { stopProducer } from '../lib/jobs/boss'
import { createRequest } from '../lib/requests/lifecycle'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createDefaultPolicies, createProcessConfig, createStaff } from '../tests/factories'
import { summarise } from './stats'
import {
  findAction,
  postAction,
  runBench,
  sessionCookie,
  sleep,
  startWeb,
  startWorker,
  waitHealthy,
  type Action,
} from './harness'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60)
const WRITE_RATE = Number(process.env.BENCH_WRITE_RATE ?? 50)
const READ_RATE = Number(process.env.BENCH_READ_RATE ?? 200)
const CLIENTS = 100
const BUTLERS = 10
const MAX_IN_FLIGHT = 400
// Short clocks so that many fall due inside the run, including while the worker is down.
const FIRST_RESPONSE_S = 10
const PORT = 3192
const BASE = `http://127.0.0.1:${PORT}`

type Sample = { at: number; ms: number; status: number | 'network' }
type Butler = { id: string; cookie: string; requestIds: string[] }
type Client = { cookie: string; ip: string; butler: Butler; requestIds: string[] }
type Window = { from: number; to: number }

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first')
  await resetDatabase(process.env.DATABASE_URL!)
  await createDefaultPolicies(db)
  await createProcessConfig(db)
  await db.slaPolicy.updateMany({
    where: { kind: { in: ['FIRST_RESPONSE', 'NEXT_RESPONSE'] } },
    data: { targetSeconds: FIRST_RESPONSE_S, atRiskSeconds: 5, handoffSeconds: 8 },
  })

  const butlers: Butler[] = []
  for (let i = 0; i < BUTLERS; i++) {
    const b = await createStaff(db, { name: `Load Butler ${i}` })
    butlers.push({ id: b.id, cookie: await sessionCookie(b.id), requestIds: [] })
  }
  const clients: Client[] = []
  for (let i = 0; i < CLIENTS; i++) {
    const butler = butlers[i % BUTLERS]
    const c = await createClient(db, {
      name: `Load Client ${i}`,
      dedicatedButlerId: butler.id,
      backupButlerId: butlers[(i + 1) % BUTLERS].id,
    })
    // One open request each, so there is something to message about from the first second.
    const first = await createRequest((await loadActor(await createSession(c.userId)))!, {
      category: 'OTHER',
      title: `Standing ${i}`,
      details: {},
    })
    butler.requestIds.push(first.id)
    // Each client behind its own address, as a proxy in front of the app would report it.
    clients.push({
      cookie: await sessionCookie(c.userId),
      ip: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      butler,
      requestIds: [first.id],
    })
  }

  const bare = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
  await bare.query(`CREATE TABLE IF NOT EXISTS bench_bare_submit (
    id text PRIMARY KEY, "clientId" text NOT NULL, category text NOT NULL, title text NOT NULL,
    details jsonb NOT NULL, "idempotencyKey" uuid UNIQUE, "createdAt" timestamptz NOT NULL DEFAULT clock_timestamp())`)
  await bare.query('TRUNCATE bench_bare_submit')

  const create = findAction('createRequestAction', 'portal/requests/new')
  const message = findAction('clientMessageAction', 'portal/requests/[id]')
  // Clients arrive as if through one proxy, which reports each one's address (see callAction).
  const env = { TRUSTED_PROXY_HOPS: '1' }
  // Both processes log to one file beside the results, for reading after a run.
  mkdirSync('bench/results', { recursive: true })
  const logFile = openSync('bench/results/load-processes.log', 'w')
  const stdio: StdioOptions = ['ignore', logFile, logFile]
  // BENCH_PROFILE_DIR=<dir> writes a CPU profile of the web process that ends the run.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  const startWebProcess = () => startWeb({ port: PORT, env, stdio, nodeArgs: profile })
  const startWorkerProcess = () => startWorker({ env, stdio })
  let web: ChildProcess = startWebProcess()
  let worker: ChildProcess = startWorkerProcess()
  // However the run ends, it leaves no server behind.
  process.on('exit', () => {
    web.kill('SIGKILL')
    worker.kill('SIGKILL')
  })
  if (!(await waitHealthy(BASE))) throw new Error('web process did not start')
  await sleep(2000)

  const callAction = (action: Action, path: string, client: Client, form: FormData) =>
    postAction(BASE, action, path, client.cookie, form, { 'X-Forwarded-For': client.ip })

  const submits: Sample[] = []
  const bareSubmits: number[] = []
  const messages: Sample[] = []
  const reads: Sample[] = []
  const acknowledged = new Map<string, string>() // idempotency key -> request id
  const attempted = new Set<string>()
  const messageAcks: string[] = []
  const messageBodies: string[] = []
  const refusals: Record<string, number> = {}
  const networkCauses: Record<string, number> = {}
  let inFlight = 0
  let skipped = 0
  let retries = 0
  let t0 = Date.now()
  let endAt = t0 + SECONDS * 1000
  const webDown: Window[] = []
  const workerDown: Window[] = []

  const timed = async <T>(list: Sample[], run: () => Promise<{ status: number } & T>) => {
    const at = Date.now()
    inFlight++
    try {
      const r = await run()
      list.push({ at, ms: Date.now() - at, status: r.status })
      return r
    } catch (e) {
      list.push({ at, ms: Date.now() - at, status: 'network' })
      const code = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name
      networkCauses[code] = (networkCauses[code] ?? 0) + 1
      return null
    } finally {
      inFlight--
    }
  }

  // Clients send until the app answers: a failure without an answer (the process died, the
  // connection dropped) is retried with the same idempotency key, as the portal does.
  const untilAnswered = async (list: Sample[], call: () => ReturnType<typeof callAction>) => {
    for (let attempt = 0; Date.now() < endAt + 30_000; attempt++) {
      if (attempt > 0) {
        retries++
        await sleep(500)
      }
      const r = await timed(list, call)
      if (r?.status === 200) return r
    }
    return null
  }
  const submit = async (seq: number) => {
    const client = clients[seq % CLIENTS]
    const key = randomUUID()
    attempted.add(key)
    const form = new FormData()
    form.set('category', 'OTHER')
    form.set('title', `Load ${seq}`)
    form.set('description', 'Please book a table for four at eight.')
    form.set('idempotencyKey', key)
    const r = await untilAnswered(submits, () => callAction(create, create.path, client, form))
    if (r?.ok) {
      const id = /"data":\{"id":"([^"]+)"/.exec(r.text)?.[1]
      if (!id) throw new Error('acknowledged without an id')
      acknowledged.set(key, id)
      client.requestIds.push(id)
      client.butler.requestIds.push(id)
    } else if (r) {
      const reason = /"message":"([^"]+)"/.exec(r.text)?.[1] ?? 'unknown'
      refusals[reason] = (refusals[reason] ?? 0) + 1
    }
  }
  const bareSubmit = async (seq: number) => {
    const at = performance.now()
    const c = await bare.connect()
    try {
      await c.query('BEGIN')
      await c.query(
        'INSERT INTO bench_bare_submit (id, "clientId", category, title, details, "idempotencyKey") VALUES ($1, $2, $3, $4, $5, $6)',
        [randomUUID(), `client-${seq % CLIENTS}`, 'OTHER', `Load ${seq}`, '{}', randomUUID()],
      )
      await c.query('COMMIT')
      bareSubmits.push(performance.now() - at)
    } finally {
      c.release()
    }
  }
  // Messages carry a key too, so a client may re-send one whose answer was lost.
  const sendMessage = async (seq: number) => {
    const client = clients[seq % CLIENTS]
    const requestId = client.requestIds[seq % client.requestIds.length]
    const body = `Load message ${seq} ${randomUUID().slice(0, 8)}`
    messageBodies.push(body)
    const form = new FormData()
    form.set('requestId', requestId)
    form.set('body', body)
    form.set('idempotencyKey', randomUUID())
    const r = await untilAnswered(messages, () =>
      callAction(message, message.path.replace('[id]', requestId), client, form),
    )
    if (r?.ok) messageAcks.push(body)
  }
  const read = async (seq: number) => {
    const butler = butlers[seq % BUTLERS]
    const path =
      seq % 5 === 0 || butler.requestIds.length === 0
        ? '/console'
        : `/console/requests/${butler.requestIds[(seq * 7) % butler.requestIds.length]}`
    await timed(reads, async () => {
      const res = await fetch(`${BASE}${path}`, { headers: { Cookie: butler.cookie }, redirect: 'manual' })
      await res.arrayBuffer()
      return { status: res.status }
    })
  }

  // Warm-up (not measured): a fresh process compiles each route on first use, as a deployment
  // would before it takes traffic. The restart later in the run gets no such warm-up.
  for (let i = 0; i < 20; i++) {
    await Promise.all([read(i), read(i + 1), sendMessage(i), submit(100_000 + i)])
  }
  for (const list of [reads, messages, submits, messageBodies, messageAcks]) list.length = 0
  t0 = Date.now()
  endAt = t0 + SECONDS * 1000

  // Faults: web killed a third of the way in, the worker two thirds in; each restarted at once.
  const killAndRestart = async (child: ChildProcess, start: () => ChildProcess) => {
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    return start()
  }
  const faults = (async () => {
    await sleep(t0 + (SECONDS * 1000) / 3 - Date.now())
    const from = Date.now()
    web = await killAndRestart(web, startWebProcess)
    await waitHealthy(BASE)
    webDown.push({ from, to: Date.now() })
    await sleep(t0 + (SECONDS * 2000) / 3 - Date.now())
    const workerFrom = Date.now()
    worker = await killAndRestart(worker, startWorkerProcess)
    workerDown.push({ from: workerFrom, to: Date.now() })
  })()

  // Open loop: work is started on schedule whether or not earlier work has finished.
  const pending: Promise<unknown>[] = []
  const TICK_MS = 20
  let writes = 0
  let readsStarted = 0
  for (let tick = 0; Date.now() < endAt; tick++) {
    const due = (rate: number) => Math.floor(((tick + 1) * TICK_MS * rate) / 1000)
    while (writes < due(WRITE_RATE)) {
      const seq = writes++
      if (inFlight >= MAX_IN_FLIGHT) {
        skipped++
        continue
      }
      if (seq % 2 === 0) {
        pending.push(submit(seq / 2))
        pending.push(bareSubmit(seq / 2))
      } else pending.push(sendMessage((seq - 1) / 2))
    }
    while (readsStarted < due(READ_RATE)) {
      const seq = readsStarted++
      if (inFlight >= MAX_IN_FLIGHT) {
        skipped++
        continue
      }
      pending.push(read(seq))
    }
    await sleep(t0 + (tick + 1) * TICK_MS - Date.now())
  }
  await faults
  await Promise.allSettled(pending)
  const loadEndedAt = Date.now()

  // Let the worker decide every clock that has come due, then compare.
  const clockCounts = async () => {
    const [row] = await db.$queryRaw<
      {
        due: bigint
        decided: bigint
        risk_due: bigint
        risk_fired: bigint
        handoff_due: bigint
        handoff_fired: bigint
      }[]
    >`
      SELECT
        count(*) FILTER (WHERE "dueAt" <= clock_timestamp() - interval '1 second') AS due,
        count(*) FILTER (WHERE "dueAt" <= clock_timestamp() - interval '1 second' AND "breachedAt" IS NOT NULL) AS decided,
        count(*) FILTER (WHERE "atRiskAt" <= clock_timestamp() - interval '1 second') AS risk_due,
        count(*) FILTER (WHERE "atRiskAt" <= clock_timestamp() - interval '1 second' AND "atRiskFiredAt" IS NOT NULL) AS risk_fired,
        count(*) FILTER (WHERE "handoffAt" <= clock_timestamp() - interval '1 second') AS handoff_due,
        count(*) FILTER (WHERE "handoffAt" <= clock_timestamp() - interval '1 second' AND "handoffFiredAt" IS NOT NULL) AS handoff_fired
      FROM "SlaTimer" WHERE "metAt" IS NULL AND "cancelledAt" IS NULL AND "pausedAt" IS NULL`
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<keyof typeof row, number>
  }
  let clocks = await clockCounts()
  while (
    Date.now() < loadEndedAt + 30_000 &&
    (clocks.due !== clocks.decided || clocks.risk_due !== clocks.risk_fired)
  ) {
    await sleep(500)
    clocks = await clockCounts()
  }
  const lateness = await db.$queryRaw<{ ms: number; during_worker_restart: boolean }[]>`
    SELECT EXTRACT(EPOCH FROM ("breachedAt" - "dueAt")) * 1000 AS ms,
           "dueAt" BETWEEN ${new Date(workerDown[0]?.from ?? 0)} AND ${new Date((workerDown[0]?.to ?? 0) + 5000)} AS during_worker_restart
    FROM "SlaTimer" WHERE "breachedAt" IS NOT NULL`

  const keys = [...acknowledged.keys()]
  const stored = await db.serviceRequest.count({ where: { idempotencyKey: { in: [...attempted] } } })
  const storedAcknowledged = await db.serviceRequest.count({ where: { idempotencyKey: { in: keys } } })
  const duplicateKeys = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT "idempotencyKey" FROM "ServiceRequest" WHERE "idempotencyKey" IS NOT NULL GROUP BY "clientId", "idempotencyKey" HAVING count(*) > 1) d`
  const storedMessages = await db.message.count({ where: { body: { in: messageBodies } } })
  const ackedStored = await db.message.count({ where: { body: { in: messageAcks } } })
  const clocksPerRequest = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT "requestId" FROM "SlaTimer" WHERE kind = 'FIRST_RESPONSE' GROUP BY "requestId" HAVING count(*) <> 1) d`

  // A request meets the kill if it was in flight when the process died, or was sent before
  // the new process answered (plus 1 s for connections opened to the dead one).
  const inWindow = (s: Sample) => webDown.some((w) => s.at <= w.to + 1000 && s.at + s.ms >= w.from)
  const all = [...submits, ...messages, ...reads]
  const serverErrorsOutside = all.filter((s) => typeof s.status === 'number' && s.status >= 500 && !inWindow(s)).length
  const networkErrorsOutside = all.filter((s) => s.status === 'network' && !inWindow(s)).length
  const okOutside = (list: Sample[]) => list.filter((s) => s.status === 200 && !inWindow(s)).map((s) => s.ms)
  const submitLatency = summarise(okOutside(submits))
  const bareLatency = summarise(bareSubmits)
  const byStatus = (list: Sample[]) =>
    list.reduce<Record<string, number>>((m, s) => ({ ...m, [String(s.status)]: (m[String(s.status)] ?? 0) + 1 }), {})

  // Five-second buckets: what was sent, what came back, how long it took.
  const timeline = Array.from({ length: Math.ceil(SECONDS / 5) }, (_, i) => {
    const inBucket = all.filter((x) => x.at - t0 >= i * 5000 && x.at - t0 < (i + 1) * 5000)
    return {
      fromS: i * 5,
      started: inBucket.length,
      ok: inBucket.filter((x) => x.status === 200).length,
      network: inBucket.filter((x) => x.status === 'network').length,
      p50Ms: summarise(inBucket.filter((x) => x.status === 200).map((x) => x.ms)).p50,
    }
  })

  const out = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    setup: {
      seconds: SECONDS,
      writesPerSecond: WRITE_RATE,
      readsPerSecond: READ_RATE,
      clients: CLIENTS,
      butlers: BUTLERS,
      webProcesses: 1,
      workers: 1,
      firstResponseSeconds: FIRST_RESPONSE_S,
      path: 'server actions over HTTP exactly as the portal posts them (createRequestAction, clientMessageAction); butler GET /console and /console/requests/:id',
    },
    faults: {
      webKilledAtS: webDown.map((w) => (w.from - t0) / 1000),
      webBackAfterMs: webDown.map((w) => w.to - w.from),
      workerKilledAtS: workerDown.map((w) => (w.from - t0) / 1000),
    },
    achieved: {
      submitsStarted: attempted.size,
      messagesStarted: messageBodies.length,
      readsStarted: reads.length,
      skippedForInFlightCap: skipped,
      retriesAfterFailure: retries,
      readsPerSecond: Math.round(reads.length / SECONDS),
      writesPerSecond: Math.round((attempted.size + messageBodies.length) / SECONDS),
    },
    requests: {
      acknowledged: acknowledged.size,
      storedForAcknowledged: storedAcknowledged,
      storedOfAllAttempted: stored,
      duplicateIdempotencyKeys: Number(duplicateKeys[0].n),
      refusedByApp: refusals,
      requestsWithOtherThanOneFirstResponseClock: Number(clocksPerRequest[0].n),
    },
    messages: {
      acknowledged: messageAcks.length,
      acknowledgedAndStored: ackedStored,
      storedOfAllSent: storedMessages,
      sent: messageBodies.length,
    },
    clocks: {
      due: clocks.due,
      decided: clocks.decided,
      atRiskDue: clocks.risk_due,
      atRiskFired: clocks.risk_fired,
      handoffDue: clocks.handoff_due,
      handoffFired: clocks.handoff_fired,
      breachLatenessMs: summarise(lateness.filter((l) => !l.during_worker_restart).map((l) => Number(l.ms))),
      breachLatenessDuringWorkerRestartMs: summarise(
        lateness.filter((l) => l.during_worker_restart).map((l) => Number(l.ms)),
      ),
    },
    errors: {
      serverErrorsOutsideKillWindow: serverErrorsOutside,
      networkErrorsOutsideKillWindow: networkErrorsOutside,
      networkCauses,
      statusesInsideKillWindow: byStatus(all.filter(inWindow)),
      submitStatuses: byStatus(submits),
      messageStatuses: byStatus(messages),
      readStatuses: byStatus(reads),
    },
    timeline,
    latencyMs: {
      submit: submitLatency,
      message: summarise(okOutside(messages)),
      pageLoad: summarise(okOutside(reads)),
      bareInsertCommit: bareLatency,
      submitOverBareP50:
        submitLatency.p50 && bareLatency.p50 ? Math.round((submitLatency.p50 / bareLatency.p50) * 10) / 10 : null,
    },
  }
  const pass =
    out.requests.acknowledged === out.requests.storedForAcknowledged &&
    out.requests.duplicateIdempotencyKeys === 0 &&
    out.messages.acknowledged === out.messages.acknowledgedAndStored &&
    out.messages.storedOfAllSent === out.messages.acknowledged &&
    out.clocks.due === out.clocks.decided &&
    out.errors.serverErrorsOutsideKillWindow === 0
  mkdirSync('bench/results', { recursive: true })
  const resultName = process.env.BENCH_RESULT ?? 'load'
  writeFileSync(`bench/results/${resultName}.json`, JSON.stringify({ ...out, pass }, null, 2) + '\n')
  console.log(JSON.stringify({ ...out, pass }, null, 2))
  process.exitCode = pass ? 0 : 1

  // A graceful stop, so a CPU profile (BENCH_PROFILE_DIR) gets written.
  await Promise.all(
    [web, worker].map(
      (child) =>
        new Promise((r) => {
          if (child.exitCode !== null || child.signalCode !== null) return r(null)
          child.once('exit', r)
          child.kill('SIGTERM')
        }),
    ),
  )
  await bare.query('DROP TABLE bench_bare_submit')
  await bare.end()
  await stopProducer()
  await db.$disconnect()
}

runBench(main)
