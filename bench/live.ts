// The whole live loop measured in a browser. Chromium holds 20 staff pages open (butlers'
// consoles and supervisors' boards) and each client's open request thread. Clients submit
// requests and butlers reply, over HTTP exactly as the pages post them. Each page watches its
// own DOM (a MutationObserver) and notes when a request's title or a reply's text appears.
// Measured: from the write's commit (its audit entry's clock time, the transaction's last row
// before the commit, so never later than it) to the moment the text is in the page's DOM:
//   request -> every console and board that must show it; reply -> the client's open thread.
// Modes: quiet, and beside a CPU hog on every core. Writes bench/results/live.json.
// Runs on the test database (wiped first) and needs `npm run build` (web and worker).
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chromium, type Page } from '@playwright/test'
import { createSession, loadActor } from '../lib/auth/sessions'
import { db } from '../lib/db'
import { stopProducer } from '../lib/jobs/boss'
import { createRequest } from '../lib/requests/lifecycle'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createDefaultPolicies, createProcessConfig, createStaff } from '../tests/factories'
import { COOKIE, findAction, machine, postAction, runBench, sessionCookie, sleep, startApp } from './harness'
import { startCpuHog, writeResult } from './harness'
import { summarise } from './stats'

const PORT = Number(process.env.BENCH_PORT ?? 3196)
const BASE = `http://127.0.0.1:${PORT}`
const MODES = (process.env.BENCH_MODES ?? 'quiet,hog').split(',') as ('quiet' | 'hog')[]
const WRITES_PER_MODE = Number(process.env.BENCH_WRITES ?? 40)
const WRITE_INTERVAL_MS = 500
// 20 staff pages: every butler's console in two tabs and ten supervisors' boards.
const PEOPLE = { butlers: 5, consoleTabsPerButler: 2, supervisors: 10, clientsPerButler: 2 }
const GOALS = { quietP95Ms: 300, hogP95Ms: 1000 }

// Installed in every page: remembers when each marker text ("LIVE-xxxx") first appears.
const WATCH_SCRIPT = `(() => {
  const seen = (window.__liveSeen = {})
  const scan = (node) => {
    const text = node.textContent || ''
    for (const m of text.matchAll(/LIVE-[a-z0-9]{8}/g)) if (!(m[0] in seen)) seen[m[0]] = Date.now()
  }
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) scan(n)
      if (r.type === 'characterData') scan(r.target)
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true })
  scan(document.body)
})()`

// Also installed before the page's own scripts: notes when each marker first arrives over the
// page's event stream, so the latency splits into server (commit -> frame in the browser) and
// browser (frame -> DOM).
const ARRIVAL_SCRIPT = `(() => {
  const arrived = (window.__liveArrived = {})
  const Native = window.EventSource
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args)
      for (const name of ['request.created', 'message.created'])
        this.addEventListener(name, (e) => {
          for (const m of String(e.data).matchAll(/LIVE-[a-z0-9]{8}/g)) if (!(m[0] in arrived)) arrived[m[0]] = Date.now()
        })
    }
  }
})()`

type Watcher = { page: Page; label: string }

// What the open pages ask the server for while writes go on, by path (ids folded).
const pageRequests = new Map<string, number>()

async function main() {
  if (!existsSync('.next/BUILD_ID') || !existsSync('dist/worker.mjs'))
    throw new Error('No production build: run `npm run build` first')
  await resetDatabase(process.env.DATABASE_URL!)
  await createDefaultPolicies(db)
  await createProcessConfig(db)

  const butlers = await Promise.all(
    Array.from({ length: PEOPLE.butlers }, (_, i) => createStaff(db, { name: `Live Butler ${i}` })),
  )
  const supervisors = await Promise.all(
    Array.from({ length: PEOPLE.supervisors }, (_, i) =>
      createStaff(db, { role: 'SUPERVISOR', name: `Live Supervisor ${i}` }),
    ),
  )
  const clients = await Promise.all(
    Array.from({ length: PEOPLE.butlers * PEOPLE.clientsPerButler }, (_, i) =>
      createClient(db, { name: `Live Client ${i}`, dedicatedButlerId: butlers[i % PEOPLE.butlers].id }),
    ),
  )
  // Each client has one open request whose thread stays open in the browser for replies.
  const threads = await Promise.all(
    clients.map(async (c, i) => {
      const actor = (await loadActor(await createSession(c.userId)))!
      const r = await createRequest(actor, { category: 'OTHER', title: `Standing request ${i}`, details: {} })
      return { requestId: r.id, client: c, butler: butlers[i % PEOPLE.butlers] }
    }),
  )

  const app = await startApp({ ports: [PORT], env: { TRUSTED_PROXY_HOPS: '1' } })

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  })
  const open = async (userId: string, path: string, label: string): Promise<Watcher> => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const cookie = (await sessionCookie(userId)).slice(COOKIE.length + 1)
    await context.addCookies([{ name: COOKIE, value: cookie, url: BASE }])
    await context.addInitScript(ARRIVAL_SCRIPT)
    const page = await context.newPage()
    page.on('request', (r) => {
      const url = new URL(r.url())
      if (url.pathname.startsWith('/_next/static')) return
      const key = `${r.method()} ${url.pathname.replace(/[0-9a-f-]{36}|c[a-z0-9]{24}/g, ':id')}${url.search ? '?…' : ''}${r.headers()['rsc'] ? ' (rsc)' : ''}`
      pageRequests.set(key, (pageRequests.get(key) ?? 0) + 1)
    })
    await page.goto(`${BASE}${path}`, { waitUntil: 'networkidle' })
    await page.evaluate(WATCH_SCRIPT)
    return { page, label }
  }
  // 20 staff pages: every butler's console in two tabs, and ten supervisors' boards.
  const consoles: (Watcher & { butlerId: string })[] = []
  for (const b of butlers)
    for (let t = 0; t < PEOPLE.consoleTabsPerButler; t++)
      consoles.push({ ...(await open(b.id, '/console', `console ${b.id}`)), butlerId: b.id })
  const boards: Watcher[] = []
  for (const s of supervisors) boards.push(await open(s.id, '/supervisor', `board ${s.id}`))
  const clientThreads = await Promise.all(
    threads.map(async (t) => ({
      ...t,
      watcher: await open(t.client.userId, `/portal/requests/${t.requestId}`, 'thread'),
    })),
  )
  await sleep(2000)

  const create = findAction('createRequestAction', 'portal/requests/new')
  const reply = findAction('replyAction', 'console/requests/[id]')
  const clientCookies = new Map(
    await Promise.all(clients.map(async (c) => [c.userId, await sessionCookie(c.userId)] as const)),
  )
  const butlerCookies = new Map(await Promise.all(butlers.map(async (b) => [b.id, await sessionCookie(b.id)] as const)))

  const results: Record<string, unknown> = {}
  for (const mode of MODES) {
    pageRequests.clear()
    const stopHog = mode === 'hog' ? startCpuHog() : () => {}
    await sleep(mode === 'hog' ? 2000 : 0)
    const submitted: { marker: string; butlerId: string }[] = []
    const replied: { marker: string; thread: (typeof clientThreads)[number] }[] = []
    const failures: string[] = []
    for (let i = 0; i < WRITES_PER_MODE; i++) {
      const started = Date.now()
      const thread = clientThreads[i % clientThreads.length]
      const marker = `LIVE-${randomUUID().slice(0, 8)}`
      if (i % 2 === 0) {
        const form = new FormData()
        form.set('category', 'OTHER')
        form.set('title', `Airport transfer ${marker}`)
        form.set('idempotencyKey', randomUUID())
        const r = await postAction(BASE, create, create.path, clientCookies.get(thread.client.userId)!, form, {
          'X-Forwarded-For': `10.2.0.${(i % 200) + 1}`,
        })
        if (r.ok) submitted.push({ marker, butlerId: thread.butler.id })
        else failures.push(`submit ${r.status}`)
      } else {
        const form = new FormData()
        form.set('requestId', thread.requestId)
        form.set('body', `The car is booked for 7:40. ${marker}`)
        form.set('idempotencyKey', randomUUID())
        const r = await postAction(
          BASE,
          reply,
          reply.path.replace('[id]', thread.requestId),
          butlerCookies.get(thread.butler.id)!,
          form,
        )
        if (r.ok) replied.push({ marker, thread })
        else failures.push(`reply ${r.status}`)
      }
      await sleep(Math.max(0, started + WRITE_INTERVAL_MS - Date.now()))
    }
    await sleep(5000)
    stopHog()

    const seenIn = async (w: Watcher) =>
      (await w.page.evaluate(() => (window as unknown as { __liveSeen: Record<string, number> }).__liveSeen)) ?? {}
    const arrivedIn = async (w: Watcher) =>
      (await w.page.evaluate(() => (window as unknown as { __liveArrived?: Record<string, number> }).__liveArrived)) ??
      {}
    // The write's audit entry is the transaction's last row before its event, stamped with the
    // clock (not the transaction's start): never later than the commit, and close to it.
    const committedAt = async (marker: string, kind: 'request' | 'message') => {
      const row =
        kind === 'request'
          ? await db.serviceRequest.findFirst({ where: { title: { endsWith: marker } }, select: { id: true } })
          : await db.message.findFirst({ where: { body: { endsWith: marker } }, select: { id: true } })
      if (!row) return null
      const audit = await db.auditEvent.findFirst({
        where: { entityId: row.id, action: kind === 'request' ? 'request.created' : 'request.replied' },
        select: { at: true },
      })
      return audit?.at.getTime() ?? null
    }
    const toConsole: number[] = []
    const toBoard: number[] = []
    const toThread: number[] = []
    const threadServer: number[] = []
    const threadBrowser: number[] = []
    let missing = 0
    const consoleSeen = await Promise.all(consoles.map(async (c) => ({ butlerId: c.butlerId, seen: await seenIn(c) })))
    const boardSeen = await Promise.all(boards.map(seenIn))
    for (const s of submitted) {
      const at = await committedAt(s.marker, 'request')
      if (at === null) continue
      for (const c of consoleSeen.filter((x) => x.butlerId === s.butlerId)) {
        if (c.seen[s.marker]) toConsole.push(c.seen[s.marker] - at)
        else missing++
      }
      for (const seen of boardSeen) {
        if (seen[s.marker]) toBoard.push(seen[s.marker] - at)
        else missing++
      }
    }
    for (const r of replied) {
      const at = await committedAt(r.marker, 'message')
      const seen = await seenIn(r.thread.watcher)
      if (at !== null && seen[r.marker]) toThread.push(seen[r.marker] - at)
      else missing++
      const arrived = (await arrivedIn(r.thread.watcher))[r.marker]
      if (at !== null && arrived && seen[r.marker]) {
        threadServer.push(arrived - at)
        threadBrowser.push(seen[r.marker] - arrived)
      }
    }
    const requestToConsole = summarise(toConsole)
    const replyToThread = summarise(toThread)
    const goal = mode === 'quiet' ? GOALS.quietP95Ms : GOALS.hogP95Ms
    results[mode] = {
      submitted: submitted.length,
      replied: replied.length,
      failures,
      notShownWithin5s: missing,
      requestToConsoleMs: requestToConsole,
      requestToBoardMs: summarise(toBoard),
      replyToClientThreadMs: replyToThread,
      // Where the reply's time goes: commit -> its frame in the page, then frame -> DOM.
      replyCommitToFrameMs: summarise(threadServer),
      replyFrameToDomMs: summarise(threadBrowser),
      pageRequestsDuringWrites: Object.fromEntries([...pageRequests].sort((a, b) => b[1] - a[1])),
      goalP95Ms: goal,
      met:
        missing === 0 &&
        (requestToConsole.p95 ?? Infinity) <= goal &&
        (replyToThread.p95 ?? Infinity) <= goal &&
        (summarise(toBoard).p95 ?? Infinity) <= goal,
    }
  }

  const out = {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    setup: {
      staffPages: consoles.length + boards.length,
      consolePages: consoles.length,
      boardPages: boards.length,
      clientThreadPages: clientThreads.length,
      writesPerMode: WRITES_PER_MODE,
      writeIntervalMs: WRITE_INTERVAL_MS,
      webProcesses: 1,
      from: "the write's audit entry, stamped by the clock as the transaction's last row (never later than the commit)",
      to: 'the marker text inserted into the page DOM (MutationObserver in the page)',
    },
    ...results,
  }
  writeResult('live', out)
  await browser.close()
  app.stop()
  await stopProducer()
  await db.$disconnect()
}

runBench(main)
