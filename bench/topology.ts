// The whole topology under faults: a primary and its streaming replica (their own servers,
// initdb + pg_basebackup), PgBouncer in transaction mode in front of the primary, three web copies
// (DATABASE_URL through PgBouncer, DATABASE_DIRECT_URL to the primary for LISTEN,
// DATABASE_REPLICA_URL for the KPIs) and two workers, on the production build. For BENCH_SECONDS
// (60) simulated clients submit requests and message their butlers, butlers reply and load their
// console and request pages, a supervisor loads the KPIs (read on the replica), spread
// round-robin over the web copies as a load balancer would. A quarter of the way in one web copy
// is killed (SIGKILL) and started again 5 s later; half way, one worker; three quarters, PgBouncer
// (started again on its port 5 s later). A client whose copy does not answer tries the next one,
// and a write that gets no answer or "something went wrong" is sent again with its idempotency
// key, as the portal's form does. Supervisors and one butler have a phone taking Web Push (a
// local push service), so every notification can be counted at the far end.
// Afterwards: every acknowledged write stored exactly once, every SLA mark due decided exactly
// once (one audit event, one push per device, one offer per stage), replica lag, and errors and
// latency per phase. Writes bench/results/topology.json. Needs `npm run build`; the schema comes
// from the test database (wiped first).
import type { ChildProcess, StdioOptions } from 'node:child_process'
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { createSession, loadActor } from '../lib/auth/sessions'
import { db, readDb } from '../lib/db'
import { replicaLagMs } from '../lib/db/replica'
import { stopProducer } from '../lib/jobs/boss'
import { vapidKeys } from '../lib/push/keys'
import { subscribePush } from '../lib/push/subscriptions'
import { createRequest } from '../lib/requests/lifecycle'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createDefaultPolicies, createProcessConfig, createStaff } from '../tests/factories'
import {
  freePort,
  serverDir,
  startPgBouncer,
  startReplicatedCluster,
  type PgBouncer,
  type ReplicatedCluster,
} from '../tests/integration/servers'
import { startMockPushService, type MockPushService } from '../tests/mock-push-service'
import {
  BENCH_SECRET,
  findAction,
  killChildrenNow,
  machine,
  postAction,
  runBench,
  sessionCookie,
  sleep,
  startWeb,
  startWorker,
  waitHealthy,
  writeResult,
  type Action,
} from './harness'
import { summarise } from './stats'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60)
// Rates the two shared cores can serve with three web copies, two workers, two PostgreSQL servers
// and PgBouncer beside the load generator (two web copies alone serve about 20 requests/s:
// docs/performance.md, "capacity").
const WRITE_RATE = Number(process.env.BENCH_WRITE_RATE ?? 6)
const READ_RATE = Number(process.env.BENCH_READ_RATE ?? 9)
const DOWN_MS = Number(process.env.BENCH_DOWN_MS ?? 5_000)
const WEB_COPIES = 3
const WORKERS = 2
const CLIENTS = 200
const BUTLERS = 10
// PgBouncer's server connections to the primary (about 2-4 x its cores, docs/operations.md).
const SERVER_POOL = 10
// Short clocks so that marks fall due all through the run, during every fault.
const CLOCK = { targetSeconds: 10, atRiskSeconds: 5, handoffSeconds: 8 }
// How long clients keep re-sending after the load ends, and how long the workers get to settle.
const RETRY_GRACE_MS = 30_000
const DRAIN_MS = 30_000
const DB = 'diamond'
const PHASES = ['steady', 'web copy killed', 'worker killed', 'PgBouncer killed'] as const

type Kind = 'submit' | 'message' | 'reply' | 'page' | 'kpi'
// What one HTTP attempt got: an acknowledgement, a refusal the user must act on, "something went
// wrong" (the user sends again), a 5xx, no answer at all, or anything else.
type Outcome = 'ok' | 'refused' | 'generic' | '5xx' | 'network' | 'other'
type Attempt = { kind: Kind; at: number; ms: number; copy: number; outcome: Outcome }
type Operation = { kind: Kind; at: number; ms: number; attempts: number; outcome: Outcome }
type Butler = { id: string; cookie: string; requestIds: string[] }
type Client = { cookie: string; ip: string; butler: Butler; requestIds: string[] }

const GENERIC = ['en', 'zh-CN'].map(
  (l) => (JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as { errors: { generic: string } }).errors.generic,
)

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status}: ${r.stderr}`)
}

async function on<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query<T>(sql, params)).rows
  } finally {
    await c.end()
  }
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first')
  const source = process.env.DATABASE_URL!
  // The machine is shared: its load is recorded with the result, before and after.
  const loadBefore = Math.round(os.loadavg()[0] * 10) / 10
  // The app's schema (and the job queue's and rate limiter's), as the migrated test database has it.
  await resetDatabase(source)

  // Everything started here is stopped in `finally`; if the process dies some other way, its
  // children are killed on exit.
  const stops: (() => Promise<unknown>)[] = []
  let stopApp: (() => Promise<void>) | null = null
  process.on('exit', killChildrenNow)
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      killChildrenNow()
      process.exit(1)
    })
  const scratch = serverDir('topology-')
  stops.push(async () => rmSync(scratch, { recursive: true, force: true }))
  try {
    const cluster: ReplicatedCluster = await startReplicatedCluster()
    stops.push(() => cluster.stop())
    const dump = path.join(scratch, 'schema.dump')
    run('pg_dump', ['--format=custom', '--file', dump, source])
    await on(cluster.primaryUrl('postgres'), `CREATE DATABASE ${DB}`)
    run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', cluster.primaryUrl(DB), dump])
    const primary = cluster.primaryUrl(DB)
    const replica = cluster.replicaUrl(DB)
    const bouncer: PgBouncer = await startPgBouncer(primary, SERVER_POOL)
    stops.push(() => bouncer.stop())
    // This process seeds and checks on the primary itself, so its view never depends on PgBouncer.
    // Set before anything reads the settings.
    process.env.DATABASE_URL = primary
    process.env.DATABASE_DIRECT_URL = primary
    process.env.DATABASE_REPLICA_URL = replica
    process.env.AUTH_SECRET = BENCH_SECRET
    for (const until = Date.now() + 20_000; ; await sleep(200)) {
      const ok = await on(replica, 'SELECT 1 FROM "SlaPolicy" LIMIT 1').then(
        () => true,
        () => false,
      )
      if (ok) break
      if (Date.now() > until) throw new Error('the replica never received the schema')
    }

    const push: MockPushService = await startMockPushService()
    stops.push(() => push.stop())
    const seeded = await seed(push)
    const { butlers, clients, supervisor } = seeded

    // The processes, as a deployment runs them; all log to one file beside the results.
    mkdirSync('bench/results', { recursive: true })
    const logFile = openSync('bench/results/topology-processes.log', 'w')
    const stdio: StdioOptions = ['ignore', logFile, logFile]
    const env = {
      DATABASE_URL: bouncer.url,
      DATABASE_DIRECT_URL: primary,
      DATABASE_REPLICA_URL: replica,
      // Clients arrive through one proxy, which reports each one's address.
      TRUSTED_PROXY_HOPS: '1',
    }
    const ports = await Promise.all(Array.from({ length: WEB_COPIES }, () => freePort()))
    const bases = ports.map((p) => `http://127.0.0.1:${p}`)
    const webs: ChildProcess[] = ports.map((port) => startWeb({ port, env, stdio }))
    const workers: ChildProcess[] = Array.from({ length: WORKERS }, () => startWorker({ env, stdio }))
    const exited = (c: ChildProcess) =>
      c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r))
    stopApp = async () => {
      stopApp = null
      const all = [...webs, ...workers]
      for (const c of all) c.kill('SIGTERM')
      const late = setTimeout(() => all.forEach((c) => c.kill('SIGKILL')), 10_000)
      await Promise.all(all.map(exited))
      clearTimeout(late)
    }
    for (const base of bases) if (!(await waitHealthy(base))) throw new Error(`web copy ${base} did not start`)

    const create = findAction('createRequestAction', 'portal/requests/new')
    const message = findAction('clientMessageAction', 'portal/requests/[id]')
    const reply = findAction('replyAction', 'console/requests/[id]')

    // The load balancer: round-robin over the copies, passing over one that refused a connection
    // in the last second.
    let nextCopy = 0
    const downUntil = bases.map(() => 0)
    const pickCopy = () => {
      for (let k = 0; k < bases.length; k++) {
        const i = nextCopy++ % bases.length
        if (downUntil[i] <= Date.now()) return i
      }
      return nextCopy++ % bases.length
    }

    let attempts: Attempt[] = []
    let operations: Operation[] = []
    let retryUntil = Infinity
    const networkCauses: Record<string, number> = {}
    const refusals: Record<string, number> = {}

    const classifyAction = (status: number, text: string): Outcome => {
      if (status >= 500) return '5xx'
      if (status !== 200) return 'other'
      if (text.includes('"ok":true')) return 'ok'
      if (GENERIC.some((g) => text.includes(g))) return 'generic'
      return text.includes('"ok":false') ? 'refused' : 'other'
    }

    // One user operation: tried on the next copy until it gets an answer the user accepts. No
    // answer (a dead copy, a dropped connection) goes at once to the next copy; a write answered
    // with "something went wrong" or a 5xx is sent again a second later with the same key (the
    // portal keeps the key until a submit succeeds); a page answered with an error stays failed.
    const operate = async (
      kind: Kind,
      send: (base: string) => Promise<{ status: number; text: string }>,
    ): Promise<{ outcome: Outcome; text: string }> => {
      const at = Date.now()
      let last: { outcome: Outcome; text: string } = { outcome: 'network', text: '' }
      let n = 0
      for (; n === 0 || Date.now() < retryUntil;) {
        const copy = pickCopy()
        const t = Date.now()
        n++
        try {
          const r = await send(bases[copy])
          const outcome =
            kind === 'page' || kind === 'kpi'
              ? r.status === 200
                ? 'ok'
                : r.status >= 500
                  ? '5xx'
                  : 'other'
              : classifyAction(r.status, r.text)
          attempts.push({ kind, at: t, ms: Date.now() - t, copy, outcome })
          last = { outcome, text: r.text }
          if (outcome === 'ok' || outcome === 'refused' || outcome === 'other') break
          if (kind === 'page' || kind === 'kpi') break
          await sleep(1_000)
        } catch (e) {
          attempts.push({ kind, at: t, ms: Date.now() - t, copy, outcome: 'network' })
          const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name
          networkCauses[cause] = (networkCauses[cause] ?? 0) + 1
          downUntil[copy] = Date.now() + 1_000
          last = { outcome: 'network', text: '' }
          await sleep(100)
        }
      }
      operations.push({ kind, at, ms: Date.now() - at, attempts: n, outcome: last.outcome })
      if (last.outcome === 'refused') {
        const reason = /"message":"([^"]+)"/.exec(last.text)?.[1] ?? 'unknown'
        refusals[reason] = (refusals[reason] ?? 0) + 1
      }
      return last
    }

    const postFrom = (action: Action, path: string, cookie: string, form: FormData, ip?: string) => (base: string) =>
      postAction(base, action, path, cookie, form, ip ? { 'X-Forwarded-For': ip } : {})
    const getFrom = (path: string, cookie: string) => async (base: string) => {
      const res = await fetch(`${base}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' })
      await res.arrayBuffer()
      return { status: res.status, text: '' }
    }

    const ackedRequests = new Map<string, string>() // idempotency key -> title
    const attemptedRequests = new Set<string>()
    const ackedMessages = new Map<string, string>() // idempotency key -> body
    const attemptedMessages = new Set<string>()
    const ackedReplies = new Map<string, string>()
    const attemptedReplies = new Set<string>()

    const submit = async (seq: number) => {
      const client = clients[seq % CLIENTS]
      const key = randomUUID()
      const title = `Topology ${seq}`
      attemptedRequests.add(key)
      const form = new FormData()
      form.set('category', 'OTHER')
      form.set('title', title)
      form.set('description', 'Please book a table for four at eight.')
      form.set('idempotencyKey', key)
      const r = await operate('submit', postFrom(create, create.path, client.cookie, form, client.ip))
      const id = r.outcome === 'ok' ? /"data":\{"id":"([^"]+)"/.exec(r.text)?.[1] : undefined
      if (r.outcome === 'ok' && !id) throw new Error('acknowledged without an id')
      if (id) {
        ackedRequests.set(key, title)
        client.requestIds.push(id)
        client.butler.requestIds.push(id)
      }
    }
    const sendMessage = async (seq: number) => {
      const client = clients[seq % CLIENTS]
      const requestId = client.requestIds[seq % client.requestIds.length]
      const key = randomUUID()
      const body = `Topology message ${seq} ${key.slice(0, 8)}`
      attemptedMessages.add(key)
      const form = new FormData()
      form.set('requestId', requestId)
      form.set('body', body)
      form.set('idempotencyKey', key)
      const path = message.path.replace('[id]', requestId)
      const r = await operate('message', postFrom(message, path, client.cookie, form, client.ip))
      if (r.outcome === 'ok') ackedMessages.set(key, body)
    }
    const sendReply = async (seq: number) => {
      const butler = butlers[seq % BUTLERS]
      if (!butler.requestIds.length) return
      // The newest requests first, as a butler works the top of the queue.
      const recent = butler.requestIds.slice(-10)
      const requestId = recent[seq % recent.length]
      const key = randomUUID()
      const body = `Topology reply ${seq} ${key.slice(0, 8)}`
      attemptedReplies.add(key)
      const form = new FormData()
      form.set('requestId', requestId)
      form.set('body', body)
      form.set('idempotencyKey', key)
      const path = reply.path.replace('[id]', requestId)
      const r = await operate('reply', postFrom(reply, path, butler.cookie, form))
      if (r.outcome === 'ok') ackedReplies.set(key, body)
    }
    const read = async (seq: number) => {
      if (seq % 10 === 0) return void (await operate('kpi', getFrom('/supervisor/kpi', supervisor.cookie)))
      const butler = butlers[seq % BUTLERS]
      const path =
        seq % 5 === 1 || butler.requestIds.length === 0
          ? '/console'
          : `/console/requests/${butler.requestIds[(seq * 7) % butler.requestIds.length]}`
      await operate('page', getFrom(path, butler.cookie))
    }
    const write = (seq: number) => (seq % 5 < 2 ? submit(seq) : seq % 5 < 4 ? sendMessage(seq) : sendReply(seq))

    // Warm-up (not measured): each copy compiles its routes on first use, as a deployment would
    // before it takes traffic. The copy restarted in the run gets no such warm-up.
    retryUntil = Date.now() + 60_000
    for (let i = 0; i < 6 * WEB_COPIES; i++)
      await Promise.all([
        read(2 * i + 1),
        read(2 * i + 2),
        read(i * 10),
        write(3 * i),
        write(3 * i + 1),
        write(3 * i + 2),
      ])
    const warm = operations.filter((o) => o.outcome !== 'ok')
    if (warm.length) throw new Error(`warm-up failed: ${JSON.stringify(warm.slice(0, 5))} ${JSON.stringify(refusals)}`)
    attempts = []
    operations = []
    for (const m of [ackedRequests, ackedMessages, ackedReplies]) m.clear()
    for (const s of [attemptedRequests, attemptedMessages, attemptedReplies]) s.clear()

    const t0 = Date.now()
    const endAt = t0 + SECONDS * 1000
    retryUntil = endAt + RETRY_GRACE_MS
    const at = (fraction: number) => t0 + SECONDS * 1000 * fraction
    const rel = (t: number) => Math.round((t - t0) / 100) / 10

    // The faults, one per quarter.
    const faults = {
      webCopy: {} as Record<string, number | null>,
      worker: {} as Record<string, number | null>,
      pgbouncer: {} as Record<string, unknown>,
    }
    const kill = async (c: ChildProcess) => {
      c.kill('SIGKILL')
      await exited(c)
    }
    const healthyAfter = async (base: string, from: number, timeoutMs = 60_000) => {
      for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(100)) {
        const ok = await fetch(`${base}/api/health`).then(
          (r) => r.status === 200,
          () => false,
        )
        if (ok) return Date.now() - from
      }
      return null
    }
    const faultRun = (async () => {
      await sleep(at(1 / 4) - Date.now())
      const webKilled = Date.now()
      await kill(webs[0])
      await sleep(DOWN_MS)
      const webStarted = Date.now()
      webs[0] = startWeb({ port: ports[0], env, stdio })
      const answering = (await waitHealthy(bases[0])) ? Date.now() : null
      faults.webCopy = {
        killedAtS: rel(webKilled),
        startedAgainAtS: rel(webStarted),
        answeringAfterStartMs: answering && answering - webStarted,
      }

      await sleep(at(2 / 4) - Date.now())
      const workerKilled = Date.now()
      await kill(workers[0])
      await sleep(DOWN_MS)
      const workerStarted = Date.now()
      workers[0] = startWorker({ env, stdio })
      faults.worker = { killedAtS: rel(workerKilled), startedAgainAtS: rel(workerStarted) }

      await sleep(at(3 / 4) - Date.now())
      const bouncerKilled = Date.now()
      await bouncer.kill()
      await sleep(DOWN_MS)
      const bouncerStarted = Date.now()
      await bouncer.restart()
      const listening = Date.now()
      // Each copy's own health check (a query through PgBouncer) answering 200 again.
      const healthy = await Promise.all(bases.map((b) => healthyAfter(b, bouncerStarted)))
      faults.pgbouncer = {
        killedAtS: rel(bouncerKilled),
        startedAgainAtS: rel(bouncerStarted),
        listeningAfterStartMs: listening - bouncerStarted,
        webCopiesHealthyAfterStartMs: healthy,
      }
    })()

    // The consoles' heartbeats (every butler has the console open): they keep the butlers
    // reachable, so each request goes to its client's own butler. Sent to the primary directly.
    const beat = () => db.$executeRaw`UPDATE "User" SET "lastSeenAt" = clock_timestamp() WHERE role = 'BUTLER'`
    const beats = setInterval(() => void beat().catch(() => {}), 15_000)

    // Open loop: work starts on schedule whether or not earlier work has finished.
    const pending: Promise<unknown>[] = []
    const TICK_MS = 20
    let writes = 0
    let reads = 0
    for (let tick = 0; Date.now() < endAt; tick++) {
      const due = (rate: number) => Math.floor(((tick + 1) * TICK_MS * rate) / 1000)
      while (writes < due(WRITE_RATE)) pending.push(write(100_000 + writes++))
      while (reads < due(READ_RATE)) pending.push(read(reads++))
      await sleep(t0 + (tick + 1) * TICK_MS - Date.now())
    }
    await faultRun
    await Promise.all(pending)
    clearInterval(beats)
    const loadEnded = Date.now()

    // Drain: the workers decide every mark still to come on the response clocks (the last falls
    // due a clock's length after the last write), the pushes go out, the replica catches up.
    const openResponseClocks = async () =>
      Number(
        (
          await db.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM "SlaTimer" WHERE kind IN ('FIRST_RESPONSE', 'NEXT_RESPONSE')
            AND "metAt" IS NULL AND "breachedAt" IS NULL AND "cancelledAt" IS NULL AND "pausedAt" IS NULL`
        )[0].n,
      )
    for (const until = Date.now() + DRAIN_MS; (await openResponseClocks()) > 0 && Date.now() < until;) await sleep(500)
    const unsent = () => db.pushDelivery.count({ where: { status: { in: ['PENDING', 'RETRYING'] } } })
    for (const until = Date.now() + DRAIN_MS; (await unsent()) > 0 && Date.now() < until;) await sleep(500)
    const drained = Date.now()
    // Replica lag right after the load, then until it has replayed everything.
    const lagAtEnd = await replicaLagMs()
    const countOn = async (url: string) =>
      Number((await on<{ n: string }>(url, 'SELECT count(*) AS n FROM "ServiceRequest"'))[0].n)
    let caughtUpMs: number | null = null
    for (const until = Date.now() + 10_000; Date.now() < until; await sleep(100)) {
      if ((await countOn(primary)) === (await countOn(replica)) && (await replicaLagMs()) === 0) {
        caughtUpMs = Date.now() - drained
        break
      }
    }
    const webHealth = await Promise.all(
      bases.map((b) =>
        fetch(`${b}/api/health`).then(
          async (r) => ({ httpStatus: r.status, ...((await r.json()) as { status: string; worker: string }) }),
          () => null,
        ),
      ),
    )
    const workersBeating = await db.workerHeartbeat.count({ where: { seenAt: { gt: new Date(Date.now() - 15_000) } } })
    // The job queue after the drain: what each queue's jobs came to, and any push still unsent.
    const jobStates = await db.$queryRaw<{ name: string; state: string; n: bigint }[]>`
      SELECT name, state::text || CASE WHEN retry_count > 0 THEN ' after a retry' ELSE '' END AS state, count(*) AS n
      FROM pgboss.job GROUP BY 1, 2 ORDER BY 1, 2`
    const unsentPushes = await db.$queryRaw<
      { kind: string; status: string; attempts: number; lastError: string | null; at: Date; jobs: unknown }[]
    >`
      SELECT d.kind::text, d.status::text, d.attempts, d."lastError", d."createdAt" AS at,
        (SELECT json_agg(json_build_object('state', j.state, 'retries', j.retry_count, 'startedOn', j.started_on,
           'output', left(j.output::text, 200)))
         FROM pgboss.job j WHERE j.name = 'send-push' AND j.data->'ids' ? d.id) AS jobs
      FROM "PushDelivery" d WHERE d.status IN ('PENDING', 'RETRYING')`

    // Stop the processes, so nothing changes while it is counted; marks are judged up to now.
    const cutoff = new Date()
    await stopApp()

    const result = await check({
      acked: { requests: ackedRequests, messages: ackedMessages, replies: ackedReplies },
      attempted: { requests: attemptedRequests, messages: attemptedMessages, replies: attemptedReplies },
      devices: seeded.devices,
      push,
      cutoff,
    })

    // Errors and latency per phase (by when the operation started).
    const phaseOf = (t: number) => Math.min(3, Math.max(0, Math.floor(((t - t0) / (SECONDS * 1000)) * 4)))
    const countBy = <T>(list: T[], key: (x: T) => string) =>
      list.reduce<Record<string, number>>((m, x) => ({ ...m, [key(x)]: (m[key(x)] ?? 0) + 1 }), {})
    const ms = (list: Operation[]) => {
      const s = summarise(list.map((o) => o.ms))
      return { count: s.count, p50: s.p50, p95: s.p95, max: s.max }
    }
    const lateness = await db.$queryRaw<{ ms: number; due: Date }[]>`
      SELECT EXTRACT(EPOCH FROM ("breachedAt" - "dueAt")) * 1000 AS ms, "dueAt" AS due
      FROM "SlaTimer" WHERE "breachedAt" IS NOT NULL AND "dueAt" >= ${new Date(t0)}`
    const phases = PHASES.map((name, i) => {
      // Operations and attempts count in the phase where their answer (or failure) came: one sent
      // just before a fault and caught by it belongs to that fault.
      const ops = operations.filter((o) => phaseOf(o.at + o.ms) === i)
      const tries = attempts.filter((a) => phaseOf(a.at + a.ms) === i)
      const writesOf = ops.filter((o) => o.kind === 'submit' || o.kind === 'message' || o.kind === 'reply')
      const readsOf = ops.filter((o) => o.kind === 'page' || o.kind === 'kpi')
      const ok = (list: Operation[]) => list.filter((o) => o.outcome === 'ok')
      return {
        phase: name,
        fromS: (i * SECONDS) / 4,
        operations: ops.length,
        failedAttempts: countBy(
          tries.filter((a) => a.outcome !== 'ok' && a.outcome !== 'refused'),
          (a) => `${a.kind} ${a.outcome}`,
        ),
        failedAttemptsByCopy: countBy(
          tries.filter((a) => a.outcome !== 'ok' && a.outcome !== 'refused'),
          (a) => `copy ${a.copy + 1}`,
        ),
        // Each copy's answers on their own (a restarted copy takes its share of the traffic cold).
        okAttemptMsByCopy: Object.fromEntries(
          bases.map((_, c) => {
            const mine = summarise(tries.filter((a) => a.copy === c && a.outcome === 'ok').map((a) => a.ms))
            return [`copy ${c + 1}`, { count: mine.count, p50: mine.p50, p95: mine.p95 }]
          }),
        ),
        writesRetried: writesOf.filter((o) => o.attempts > 1).length,
        writesNeverAcknowledged: writesOf.filter((o) => o.outcome !== 'ok' && o.outcome !== 'refused').length,
        readsFailed: countBy(
          readsOf.filter((o) => o.outcome !== 'ok'),
          (o) => o.outcome,
        ),
        // Until the user had an answer, retries included.
        latencyMs: {
          submit: ms(ok(ops.filter((o) => o.kind === 'submit'))),
          message: ms(ok(ops.filter((o) => o.kind === 'message'))),
          reply: ms(ok(ops.filter((o) => o.kind === 'reply'))),
          page: ms(ok(ops.filter((o) => o.kind === 'page'))),
          kpi: ms(ok(ops.filter((o) => o.kind === 'kpi'))),
        },
        breachLatenessMs: (() => {
          const s = summarise(lateness.filter((l) => phaseOf(l.due.getTime()) === i).map((l) => Number(l.ms)))
          return { count: s.count, p50: s.p50, p95: s.p95, max: s.max }
        })(),
      }
    })
    const timeline = Array.from({ length: Math.ceil(SECONDS / 5) }, (_, i) => {
      const inBucket = attempts.filter((a) => a.at + a.ms - t0 >= i * 5000 && a.at + a.ms - t0 < (i + 1) * 5000)
      return {
        fromS: i * 5,
        answered: inBucket.length,
        failed: inBucket.filter((a) => a.outcome !== 'ok' && a.outcome !== 'refused').length,
        p50Ms: summarise(inBucket.filter((a) => a.outcome === 'ok').map((a) => a.ms)).p50,
      }
    })

    const out = {
      measuredAt: new Date().toISOString(),
      machine: { ...machine(), loadAverage1mBefore: loadBefore },
      setup: {
        seconds: SECONDS,
        writesPerSecond: WRITE_RATE,
        readsPerSecond: READ_RATE,
        mix: 'writes: 2/5 submissions, 2/5 client messages, 1/5 butler replies (server actions as the portal and console post them); reads: 9/10 butler console and request pages, 1/10 the supervisor KPIs (read on the replica)',
        webCopies: WEB_COPIES,
        workers: WORKERS,
        pgbouncer: `transaction pooling, ${SERVER_POOL} server connections`,
        replica: 'streaming (pg_basebackup -R), asynchronous',
        clients: CLIENTS,
        butlers: BUTLERS,
        clock: CLOCK,
        faultDownMs: DOWN_MS,
      },
      faults,
      phases,
      timeline,
      networkCauses,
      refusals,
      ...result,
      replica: {
        lagMsRightAfterDrain: lagAtEnd,
        replayedEverythingAfterMs: caughtUpMs,
      },
      recovered: {
        webCopiesAtEnd: webHealth.map((h) => h && `${h.httpStatus} ${h.status}, worker ${h.worker}`),
        workersBeatingAtEnd: workersBeating,
      },
      drainMs: drained - loadEnded,
      jobs: {
        states: Object.fromEntries(jobStates.map((j) => [`${j.name} ${j.state}`, Number(j.n)])),
        unsentPushes: unsentPushes.map((u) => ({ ...u, atS: rel(u.at.getTime()) })),
      },
    }
    const pass =
      result.requests.missing === 0 &&
      result.requests.duplicated === 0 &&
      result.messages.missing === 0 &&
      result.messages.duplicated === 0 &&
      result.replies.missing === 0 &&
      result.replies.duplicated === 0 &&
      result.marks.undecided === 0 &&
      result.marks.decidedTwice === 0 &&
      result.notifications.outboxMismatched === 0 &&
      phases.every((p) => p.writesNeverAcknowledged === 0) &&
      caughtUpMs !== null &&
      workersBeating === WORKERS &&
      webHealth.every((h) => h?.httpStatus === 200)
    writeResult('topology', { ...out, pass })
    process.exitCode = pass ? 0 : 1
  } finally {
    // The app first, then this process's own connections, then the servers under them.
    await (stopApp as (() => Promise<void>) | null)?.().catch((e: unknown) => console.error(e))
    await stopProducer().catch(() => {})
    await db.$disconnect()
    await readDb.$disconnect()
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => console.error(e))
  }
}

// Policies with short clocks, butlers, a supervisor, clients with one open request each, and the
// phones: the supervisor's (every breach) and one butler's (at risk on what they hold, offers).
async function seed(push: MockPushService) {
  await createDefaultPolicies(db)
  await createProcessConfig(db)
  await db.slaPolicy.updateMany({ where: { kind: { in: ['FIRST_RESPONSE', 'NEXT_RESPONSE'] } }, data: CLOCK })
  const butlers = []
  for (let i = 0; i < BUTLERS; i++) {
    const b = await createStaff(db, { name: `Topology Butler ${i}` })
    butlers.push({ id: b.id, cookie: await sessionCookie(b.id), requestIds: [] as string[] })
  }
  await db.$executeRaw`UPDATE "User" SET "lastSeenAt" = clock_timestamp() WHERE role = 'BUTLER'`
  const lead = await createStaff(db, { role: 'SUPERVISOR', name: 'Topology Lead' })
  const supervisor = { id: lead.id, cookie: await sessionCookie(lead.id) }
  const { publicKey } = await vapidKeys()
  const devices: { userId: string; clientHash: string }[] = []
  for (const userId of [lead.id, butlers[0].id]) {
    const sub = await push.subscribe(publicKey)
    await subscribePush((await loadActor(await createSession(userId)))!, {
      endpoint: sub.endpoint,
      keys: sub.keys,
      deviceName: 'Phone',
    })
    devices.push({ userId, clientHash: sub.clientHash })
  }
  const clients: Client[] = []
  for (let i = 0; i < CLIENTS; i++) {
    const butler = butlers[i % BUTLERS]
    const c = await createClient(db, {
      name: `Topology Client ${i}`,
      dedicatedButlerId: butler.id,
      backupButlerId: butlers[(i + 1) % BUTLERS].id,
    })
    const first = await createRequest((await loadActor(await createSession(c.userId)))!, {
      category: 'OTHER',
      title: `Standing ${i}`,
      details: {},
    })
    butler.requestIds.push(first.id)
    clients.push({
      cookie: await sessionCookie(c.userId),
      ip: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      butler,
      requestIds: [first.id],
    })
  }
  return { butlers, clients, supervisor, devices }
}

type Checked = {
  acked: Record<'requests' | 'messages' | 'replies', Map<string, string>>
  attempted: Record<'requests' | 'messages' | 'replies', Set<string>>
  devices: { userId: string; clientHash: string }[]
  push: MockPushService
  cutoff: Date
}

// Every acknowledged write exactly once (by its key, and by its unique text); every mark due
// decided, and decided once: one audit event per decision, one push per decision and device, one
// offer per stage; and what the push service received against what the outbox says was sent.
async function check({ acked, attempted, devices, push, cutoff }: Checked) {
  const requests = await (async () => {
    const keys = [...acked.requests.keys()]
    const stored = await db.$queryRaw<{ key: string; n: bigint }[]>`
      SELECT "idempotencyKey" AS key, count(*) AS n FROM "ServiceRequest"
      WHERE "idempotencyKey" = ANY(${keys}::text[]) GROUP BY 1`
    const [{ n: sameTitle }] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT title FROM "ServiceRequest" WHERE title LIKE 'Topology %' GROUP BY title HAVING count(*) > 1) d`
    const ofAttempted = await db.serviceRequest.count({ where: { idempotencyKey: { in: [...attempted.requests] } } })
    const [{ n: clockless }] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "ServiceRequest" r
      WHERE (SELECT count(*) FROM "SlaTimer" t WHERE t."requestId" = r.id AND t.kind = 'FIRST_RESPONSE') <> 1`
    return {
      attempted: attempted.requests.size,
      acknowledged: keys.length,
      storedOfAcknowledged: stored.length,
      missing: keys.length - stored.length,
      duplicated: stored.filter((s) => s.n > 1n).length + Number(sameTitle),
      storedOfAttempted: ofAttempted,
      withOtherThanOneFirstResponseClock: Number(clockless),
    }
  })()
  const messagesOf = async (which: 'messages' | 'replies') => {
    const keys = [...acked[which].keys()]
    const stored = await db.$queryRaw<{ key: string; n: bigint }[]>`
      SELECT "idempotencyKey"::text AS key, count(*) AS n FROM "Message"
      WHERE "idempotencyKey" = ANY(${keys}::uuid[]) GROUP BY 1`
    const prefix = which === 'messages' ? 'Topology message %' : 'Topology reply %'
    const [{ n: sameBody }] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT body FROM "Message" WHERE body LIKE ${prefix} GROUP BY body HAVING count(*) > 1) d`
    const ofAttempted = await db.message.count({ where: { idempotencyKey: { in: [...attempted[which]] } } })
    return {
      attempted: attempted[which].size,
      acknowledged: keys.length,
      storedOfAcknowledged: stored.length,
      missing: keys.length - stored.length,
      duplicated: stored.filter((s) => s.n > 1n).length + Number(sameBody),
      storedOfAttempted: ofAttempted,
    }
  }

  // A mark was due if its time passed (before the workers were stopped) while the clock was open;
  // decided when its column is set. A response met late before any worker decided the breach
  // is recorded as met late and not breached (the claim needs an open clock): counted apart.
  // Decisions on a clock met before the mark would be wrong decisions.
  const [m] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT
      count(*) FILTER (WHERE "atRiskAt" <= ${cutoff} AND ("metAt" IS NULL OR "metAt" > "atRiskAt")) AS "atRiskDue",
      count(*) FILTER (WHERE "atRiskFiredAt" IS NOT NULL) AS "atRiskDecided",
      count(*) FILTER (WHERE "atRiskAt" <= ${cutoff} AND "atRiskFiredAt" IS NULL AND "metAt" IS NULL) AS "atRiskUndecided",
      count(*) FILTER (WHERE "handoffAt" <= ${cutoff} AND ("metAt" IS NULL OR "metAt" > "handoffAt")) AS "handoffDue",
      count(*) FILTER (WHERE "handoffFiredAt" IS NOT NULL) AS "handoffDecided",
      count(*) FILTER (WHERE "handoffAt" <= ${cutoff} AND "handoffFiredAt" IS NULL AND "metAt" IS NULL) AS "handoffUndecided",
      count(*) FILTER (WHERE "dueAt" <= ${cutoff} AND ("metAt" IS NULL OR "metAt" > "dueAt")) AS "breachDue",
      count(*) FILTER (WHERE "breachedAt" IS NOT NULL) AS "breachDecided",
      count(*) FILTER (WHERE "dueAt" <= ${cutoff} AND "breachedAt" IS NULL AND "metAt" IS NULL) AS "breachUndecided",
      count(*) FILTER (WHERE "metAt" IS NOT NULL AND "metAt" <= "dueAt") AS "metInTime",
      count(*) FILTER (WHERE "metAt" > "dueAt" AND "breachedAt" IS NULL) AS "metLateBeforeBreachDecided",
      count(*) FILTER (WHERE "metAt" > "dueAt" AND "breachedAt" IS NOT NULL) AS "metAfterBreach",
      count(*) FILTER (WHERE "metAt" IS NOT NULL AND (
        ("breachedAt" > "metAt") OR ("atRiskFiredAt" > "metAt") OR ("handoffFiredAt" > "metAt"))) AS "decidedAfterMet"
    FROM "SlaTimer" WHERE "cancelledAt" IS NULL AND "pausedAt" IS NULL AND kind IN ('FIRST_RESPONSE', 'NEXT_RESPONSE')`
  const marksRaw = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Number(v)]))
  const twice = async (action: string) =>
    Number(
      (
        await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM (SELECT "entityId" FROM "AuditEvent" WHERE action = ${action} GROUP BY "entityId" HAVING count(*) > 1) d`
      )[0].n,
    )
  const [{ n: breachWithoutAudit }] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "SlaTimer" t WHERE t."breachedAt" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a.action = 'sla.breached' AND a."entityId" = t.id)`
  const [{ n: atRiskWithoutAudit }] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "SlaTimer" t WHERE t."atRiskFiredAt" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a.action = 'sla.at_risk' AND a."entityId" = t.id)`
  const [{ n: offeredTwice }] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT "entityId", data->>'stage' FROM "AuditEvent" WHERE action = 'request.offered'
      GROUP BY 1, 2 HAVING count(*) > 1) d`
  const audit = {
    breachedAuditedTwice: await twice('sla.breached'),
    atRiskAuditedTwice: await twice('sla.at_risk'),
    offeredTwiceAtOneStage: Number(offeredTwice),
    breachedWithoutAudit: Number(breachWithoutAudit),
    atRiskWithoutAudit: Number(atRiskWithoutAudit),
  }
  const marks = {
    ...marksRaw,
    undecided: marksRaw.breachUndecided + marksRaw.atRiskUndecided + marksRaw.handoffUndecided,
    decidedTwice:
      audit.breachedAuditedTwice + audit.atRiskAuditedTwice + audit.offeredTwiceAtOneStage + marksRaw.decidedAfterMet,
    audit,
  }

  // The outbox: per request, one BREACHED push per breached clock to each supervisor device, one
  // AT_RISK per at-risk clock to the holder's device, at most one OFFERED per request and person.
  const deviceUsers = devices.map((d) => d.userId)
  const [{ n: breachedMismatch }] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "ServiceRequest" r
    WHERE (SELECT count(*) FROM "SlaTimer" t WHERE t."requestId" = r.id AND t."breachedAt" IS NOT NULL)
      * (SELECT count(*) FROM "PushSubscription" s JOIN "User" u ON u.id = s."userId" WHERE u.role = 'SUPERVISOR')
      <> (SELECT count(*) FROM "PushDelivery" d WHERE d."requestId" = r.id AND d.kind = 'BREACHED')`
  const [{ n: atRiskMismatch }] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "ServiceRequest" r
    WHERE r."assigneeId" = ANY(${deviceUsers}::text[])
      AND (SELECT count(*) FROM "SlaTimer" t WHERE t."requestId" = r.id AND t."atRiskFiredAt" IS NOT NULL)
        <> (SELECT count(*) FROM "PushDelivery" d WHERE d."requestId" = r.id AND d.kind = 'AT_RISK')`
  const [{ n: offeredTwicePushed }] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT "requestId", "userId" FROM "PushDelivery" WHERE kind = 'OFFERED'
      GROUP BY 1, 2 HAVING count(*) > 1) d`
  const outbox = await db.pushDelivery.groupBy({ by: ['kind', 'status'], _count: true })
  // At the far end: what each phone received against what the outbox recorded as sent to it.
  let received = 0
  let receivedMoreThanSent = 0
  let sentNotReceived = 0
  for (const d of devices) {
    const got = (await push.received(d.clientHash)).map((raw) => (JSON.parse(raw) as { tag: string }).tag)
    received += got.length
    const sent = await db.$queryRaw<{ tag: string }[]>`
      SELECT d.kind::text || '-' || d."requestNumber" AS tag FROM "PushDelivery" d
      JOIN "PushSubscription" s ON s.id = d."subscriptionId" WHERE s."userId" = ${d.userId} AND d.status = 'SENT'`
    const tally = new Map<string, number>()
    for (const s of sent) tally.set(s.tag, (tally.get(s.tag) ?? 0) + 1)
    for (const tag of got) tally.set(tag, (tally.get(tag) ?? 0) - 1)
    for (const left of tally.values()) {
      if (left < 0) receivedMoreThanSent += -left
      if (left > 0) sentNotReceived += left
    }
  }
  const notifications = {
    outbox: Object.fromEntries(outbox.map((o) => [`${o.kind} ${o.status}`, o._count])),
    outboxMismatched: Number(breachedMismatch) + Number(atRiskMismatch) + Number(offeredTwicePushed),
    breachedRequestsWithWrongPushCount: Number(breachedMismatch),
    atRiskRequestsWithWrongPushCount: Number(atRiskMismatch),
    offeredTwiceToOnePerson: Number(offeredTwicePushed),
    receivedByPhones: received,
    receivedMoreOftenThanSent: receivedMoreThanSent,
    sentButNotReceived: sentNotReceived,
  }
  return {
    requests,
    messages: await messagesOf('messages'),
    replies: await messagesOf('replies'),
    marks,
    notifications,
  }
}

runBench(main)
