// CPU milliseconds per request of one production web process, read from the process's own
// process.cpuUsage() (bench/cpu-probe.cjs answers over IPC), which a busy machine barely moves:
// waiting for a core is not counted, only the work done. Each kind of request is sent one at a
// time after a warm-up, and the process's CPU time before and after is divided by the count.
// Kinds: a trivial route handler (the yardstick), a request submission and a client message
// (server actions, posted as the portal posts them), the console with 100 and with 1,000 open
// requests, and a request page. Writes bench/results/cpu.json with each kind's ratio to the
// trivial route. Runs on the test database (wiped first) and needs `npm run build`.
import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { loadActor, createSession } from '../lib/auth/sessions'
import { db } from '../lib/db'
import { stopProducer } from '../lib/jobs/boss'
import { createRequest } from '../lib/requests/lifecycle'
import { postClientMessage, replyToRequest } from '../lib/requests/conversation'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createDefaultPolicies, createProcessConfig, createStaff } from '../tests/factories'
import {
  findAction,
  machine,
  postAction,
  runBench,
  sessionCookie,
  startCpuHog,
  startWeb,
  waitHealthy,
  writeResult,
} from './harness'

const PORT = Number(process.env.BENCH_PORT ?? 3194)
const BASE = `http://127.0.0.1:${PORT}`
const COUNT = Number(process.env.BENCH_COUNT ?? 500)
// A production process is long-lived: its code is measured after the JIT has settled. After 200
// requests V8 was still optimizing about one new function per page request on its background
// threads (node --trace-opt: 233 TurboFan compiles in 200 request pages; about 2 ms of CPU a
// page, and runs 1-2 ms apart); after 3,000 the figures repeat within a few tenths.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3000)
// Enough clients that no one passes the submission rate limit (30 an hour each) in a run.
const CLIENTS = Math.max(20, Math.ceil((WARMUP + COUNT) / 25))
// The request page's conversation: the request, then butler and client in turn.
const PAGE_THREAD = [
  'Please meet my wife and me at Pudong tomorrow, flight MU588 from Paris.',
  'Of course. A car will wait at arrivals; may I confirm the landing time of 07:40?',
  'Yes, 07:40. We have four large suitcases.',
  'Noted: a Mercedes V-Class with room for four cases. Shall the driver bring a name board?',
  'Yes please, and some water in the car.',
  'Arranged. Your driver is Mr. Li; he will send his number an hour before landing.',
  'Thank you. Could he also wait if customs take long?',
  'He will wait as long as needed; the first hour is included, after that we will let you know.',
  'Perfect.',
  'The flight is on time. Mr. Li is at gate B with the board.',
  'We have landed, thank you.',
  'Welcome back to Shanghai. The car will take you home; I will close the request once you arrive.',
]
// Milliseconds of CPU per request the issue sets as goals.
const GOALS = { submission: 8, console100: 15, console1000: 15, requestPage: 10 }

type Probe = { cpu: { user: number; system: number }; statements: number }

// The web process's CPU milliseconds and SQL statements so far (bench/cpu-probe.cjs).
function probe(web: ChildProcess): Promise<{ cpuMs: number; statements: number }> {
  return new Promise((resolve) => {
    web.once('message', (m: Probe) => resolve({ cpuMs: (m.cpu.user + m.cpu.system) / 1000, statements: m.statements }))
    web.send('cpu')
  })
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first')
  await resetDatabase(process.env.DATABASE_URL!)
  await createDefaultPolicies(db)
  await createProcessConfig(db)

  const butler = await createStaff(db, { name: 'CPU Butler' })
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) =>
      createClient(db, { name: `CPU Client ${i}`, dedicatedButlerId: butler.id }),
    ),
  )
  const clientActors = await Promise.all(clients.map(async (c) => (await loadActor(await createSession(c.userId)))!))
  // Open requests on the butler's console: `target` in all, spread over the clients.
  let open = 0
  const openUpTo = async (target: number) => {
    for (; open < target; open++) {
      await createRequest(clientActors[open % CLIENTS], {
        category: 'OTHER',
        title: `Dinner for four, table ${open}`,
        details: {},
      })
    }
  }
  await openUpTo(99)
  // The request page shows one request with a usual conversation (12 messages, client and
  // butler in turn) of a client the writes below never touch, so it is the same page whatever
  // the warm-up.
  const pageClient = await createClient(db, { name: 'CPU Client Page', dedicatedButlerId: butler.id })
  const pageClientActor = (await loadActor(await createSession(pageClient.userId)))!
  const butlerActor = (await loadActor(await createSession(butler.id)))!
  const aRequest = await createRequest(pageClientActor, {
    category: 'TRAVEL',
    title: 'Pudong airport pick-up, MU588',
    details: { service: 'AIRPORT_TRANSFER', flightNumber: 'MU588', passengers: 2 },
    description: PAGE_THREAD[0],
  })
  open++
  for (const [i, body] of PAGE_THREAD.slice(1).entries()) {
    if (i % 2 === 0) await replyToRequest(butlerActor, { requestId: aRequest.id, body, internal: false })
    else await postClientMessage(pageClientActor, { requestId: aRequest.id, body })
  }
  const butlerCookie = await sessionCookie(butler.id)
  const clientCookies = await Promise.all(clients.map((c) => sessionCookie(c.userId)))

  const web = startWeb({
    port: PORT,
    // As production runs it: behind a reverse proxy that also compresses (docs/operations.md).
    env: { TRUSTED_PROXY_HOPS: '1', HTTP_COMPRESSION: 'proxy' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // BENCH_NODE_ARGS: V8 flags for a diagnosis, e.g. "--trace-opt --trace-deopt".
    nodeArgs: [
      '--require',
      './bench/cpu-probe.cjs',
      ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
  })
  process.on('exit', () => web.kill('SIGKILL'))
  if (!(await waitHealthy(BASE))) throw new Error('web process did not start')
  // BENCH_CPU_HOG=1 (npm run bench:cpu:busy): the same, beside busy loops on every core. Waiting
  // for a core is not counted, but a core shared with a busy neighbour (SMT, caches) does the
  // same work more slowly: the figure a busy day gives. Written to bench/results/cpu-busy.json.
  const busy = process.env.BENCH_CPU_HOG === '1'
  const stopHog = busy ? startCpuHog() : () => {}
  process.on('exit', stopHog)

  const create = findAction('createRequestAction', 'portal/requests/new')
  const message = findAction('clientMessageAction', 'portal/requests/[id]')
  const asClient = (i: number) => {
    const k = i % CLIENTS
    return { cookie: clientCookies[k], ip: `10.1.${Math.floor(k / 250)}.${(k % 250) + 1}` }
  }

  const get = (path: string, cookie?: string) => async () => {
    const res = await fetch(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' })
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
  }
  let seq = 0
  const submit = async () => {
    const i = seq++
    const form = new FormData()
    form.set('category', 'OTHER')
    form.set('title', `Flowers for a birthday ${i}`)
    form.set('description', 'White peonies, delivered to the office before noon.')
    form.set('idempotencyKey', randomUUID())
    const { cookie, ip } = asClient(i)
    const r = await postAction(BASE, create, create.path, cookie, form, { 'X-Forwarded-For': ip })
    if (!r.ok) throw new Error(`submission refused: ${r.status} ${r.text.slice(0, 200)}`)
  }
  // Messages go to the clients that have one of the first 99 requests.
  const clientRequests = await Promise.all(
    clients
      .slice(0, Math.min(CLIENTS, 99))
      .map((c) => db.serviceRequest.findFirstOrThrow({ where: { clientId: c.clientId }, select: { id: true } })),
  )
  const sendMessage = async () => {
    const i = seq++ % clientRequests.length
    const form = new FormData()
    const requestId = clientRequests[i].id
    form.set('requestId', requestId)
    form.set('body', `Could the car be there ten minutes earlier? (${i})`)
    form.set('idempotencyKey', randomUUID())
    const { cookie, ip } = asClient(i)
    const r = await postAction(BASE, message, message.path.replace('[id]', requestId), cookie, form, {
      'X-Forwarded-For': ip,
    })
    if (!r.ok) throw new Error(`message refused: ${r.status} ${r.text.slice(0, 200)}`)
  }

  // CPU per request, and the bytes a page sends, for one kind of request.
  // BENCH_PROFILE_DIR=<dir> also writes a CPU profile of each kind's measured requests
  // (<dir>/<kind>.cpuprofile), to find where the time goes.
  const profileDir = process.env.BENCH_PROFILE_DIR
  const reply = (message: unknown) =>
    new Promise((resolve) => {
      web.once('message', resolve)
      web.send(message as string)
    })
  const measure = async (kind: string, run: () => Promise<void>) => {
    for (let i = 0; i < WARMUP; i++) await run()
    if (profileDir) await reply('profile-start')
    const before = await probe(web)
    const started = performance.now()
    for (let i = 0; i < COUNT; i++) await run()
    const after = await probe(web)
    if (profileDir) await reply({ profileStop: `${profileDir}/${kind}.cpuprofile` })
    return {
      cpuMs: Math.round(((after.cpuMs - before.cpuMs) / COUNT) * 100) / 100,
      wallMs: Math.round(((performance.now() - started) / COUNT) * 10) / 10,
      statements: Math.round(((after.statements - before.statements) / COUNT) * 10) / 10,
    }
  }
  // Uncompressed, as the server renders it (with a profile, the page itself is kept beside it).
  const pageBytes = async (path: string, kind: string) => {
    const res = await fetch(`${BASE}${path}`, { headers: { Cookie: butlerCookie, 'Accept-Encoding': 'identity' } })
    const html = await res.text()
    if (profileDir) writeFileSync(`${profileDir}/${kind}.html`, html)
    return Buffer.byteLength(html)
  }

  // BENCH_KINDS=submission,requestPage measures only those (with a profile, to see one kind alone).
  const only = process.env.BENCH_KINDS?.split(',')
  const skipped = { cpuMs: NaN, wallMs: NaN, statements: NaN }
  const maybe = (kind: string, run: () => Promise<void>, label = kind) =>
    kind === 'trivial' || !only || only.includes(kind) ? measure(label, run) : Promise.resolve(skipped)
  const trivial = await maybe('trivial', get('/api/health/live'))
  // The second yardstick: a page that reads nothing (the offline page: root layout, catalogue,
  // no session), the floor of any page this server renders.
  const emptyPage = await maybe('emptyPage', get('/offline'))
  const submission = await maybe('submission', submit)
  const clientMessage = await maybe('clientMessage', sendMessage)
  const requestPage = {
    ...(await maybe('requestPage', get(`/console/requests/${aRequest.id}`, butlerCookie))),
    htmlBytes: await pageBytes(`/console/requests/${aRequest.id}`, 'requestPage'),
  }
  // The submissions above opened more requests; the console is measured at exactly 100 and 1,000.
  await db.serviceRequest.updateMany({
    where: { title: { startsWith: 'Flowers for a birthday' } },
    data: { status: 'CLOSED' },
  })
  const console100 = {
    ...(await maybe('console', get('/console', butlerCookie), 'console100')),
    htmlBytes: await pageBytes('/console', 'console100'),
  }
  if (!only || only.includes('console')) await openUpTo(1000)
  const console1000 = {
    ...(await maybe('console', get('/console', butlerCookie), 'console1000')),
    htmlBytes: await pageBytes('/console', 'console1000'),
  }

  const kinds = { trivial, emptyPage, submission, clientMessage, console100, console1000, requestPage }
  const ratio = (ms: number) => Math.round((ms / trivial.cpuMs) * 10) / 10
  const out = {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    setup: {
      requestsPerKind: COUNT,
      warmUp: WARMUP,
      sequential: true,
      webProcesses: 1,
      compression: 'proxy',
      cpuHog: busy,
    },
    cpuMsPerRequest: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v.cpuMs])),
    ratioToTrivial: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, ratio(v.cpuMs)])),
    wallMsPerRequest: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v.wallMs])),
    sqlStatementsPerRequest: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v.statements])),
    htmlBytes: {
      console100: console100.htmlBytes,
      console1000: console1000.htmlBytes,
      requestPage: requestPage.htmlBytes,
    },
    goalsMs: GOALS,
    met: {
      submission: submission.cpuMs <= GOALS.submission,
      console100: console100.cpuMs <= GOALS.console100,
      console1000: console1000.cpuMs <= GOALS.console1000,
      requestPage: requestPage.cpuMs <= GOALS.requestPage,
    },
  }
  stopHog()
  writeResult(busy ? 'cpu-busy' : 'cpu', out)
  await new Promise((r) => {
    web.once('exit', r)
    web.kill('SIGTERM')
  })
  await stopProducer()
  await db.$disconnect()
}

runBench(main)
