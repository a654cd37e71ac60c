// What the HTTP benches share: the production server started as a child, sessions as cookies the
// browser would hold, and server actions posted exactly as React posts them from a form.
import { execFileSync, spawn, type ChildProcess, type StdioOptions } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import { encode } from 'next-auth/jwt'
import { createSession } from '../lib/auth/sessions'

export const COOKIE = 'authjs.session-token'
export const BENCH_SECRET = 'bench-secret-not-for-production'

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// React's own encoder for server-action arguments, as the browser sends them.
const { encodeReply } = createRequire(import.meta.url)(
  'next/dist/compiled/react-server-dom-webpack/client.node.js',
) as { encodeReply: (v: unknown[]) => Promise<FormData | string> }

export type Action = { id: string; path: string }

/** A server action's id and the page it is posted to, read from the production build. */
export function findAction(name: string, pageDir: string): Action {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8'))
  for (const [id, entry] of Object.entries<{ exportedName: string; workers: Record<string, unknown> }>(manifest.node)) {
    if (entry.exportedName !== name) continue
    const worker = Object.keys(entry.workers).find((w) => w.includes(pageDir))
    if (worker)
      return {
        id,
        path: worker
          .replace(/^app/, '')
          .replace(/\/\([^)]+\)/g, '')
          .replace(/\/page$/, ''),
      }
  }
  throw new Error(`server action ${name} not found in the build`)
}

/** A signed-in browser's cookie for the user: a fresh session row, sealed as Auth.js seals it. */
export async function sessionCookie(userId: string, secret = BENCH_SECRET) {
  const sid = await createSession(userId)
  return `${COOKIE}=${await encode({ token: { sid, sub: userId }, secret, salt: COOKIE })}`
}

export async function postAction(
  base: string,
  action: Action,
  path: string,
  cookie: string,
  form: FormData,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Next-Action': action.id, Accept: 'text/x-component', Origin: base, Cookie: cookie, ...headers },
    body: await encodeReply([form]),
  })
  const text = await res.text()
  return { status: res.status, ok: res.status === 200 && text.includes('"ok":true'), text }
}

export async function waitHealthy(base: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/health/live`)).ok) return true
    } catch {
      /* starting */
    }
    await sleep(100)
  }
  return false
}

type WebOptions = { port: number; env?: Record<string, string>; stdio?: StdioOptions; nodeArgs?: string[] }

/** `next start` on the build in .next, as production runs it. */
export function startWeb({ port, env = {}, stdio = 'ignore', nodeArgs = [] }: WebOptions): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...nodeArgs,
      'node_modules/next/dist/bin/next',
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
      '--keepAliveTimeout',
      '65000',
    ],
    { env: { ...process.env, AUTH_SECRET: BENCH_SECRET, LOG_LEVEL: 'warn', ...env, NODE_ENV: 'production' }, stdio },
  )
}

/** The worker as production runs it: the compiled bundle (npm run build:worker). */
export function startWorker({ env = {}, stdio = 'ignore' }: Omit<WebOptions, 'port'> = {}): ChildProcess {
  return spawn(process.execPath, ['dist/worker.mjs'], {
    env: {
      ...process.env,
      AUTH_SECRET: BENCH_SECRET,
      LOG_LEVEL: 'warn',
      PROCESS_NAME: 'worker',
      ...env,
      NODE_ENV: 'production',
    },
    stdio,
  })
}

/** Web processes on `ports` and one worker, as a deployment runs them; resolves once all answer. */
export async function startApp({ ports, env = {} }: { ports: number[]; env?: Record<string, string> }) {
  const webs = ports.map((port) => startWeb({ port, env }))
  const worker = startWorker({ env })
  const all = [...webs, worker]
  // However the run ends, it leaves no server behind.
  process.on('exit', () => all.forEach((c) => c.kill('SIGKILL')))
  for (const port of ports)
    if (!(await waitHealthy(`http://127.0.0.1:${port}`))) throw new Error(`web process on ${port} did not start`)
  return { stop: () => all.forEach((c) => c.kill('SIGTERM')), webPids: webs.map((w) => w.pid!) }
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim())

/** CPU milliseconds a process has used so far, user and system, read from /proc (Linux). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces): state is the first, utime the 12th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND
}

/** A CPU hog on every core (busy loops in child processes), for the "busy machine" mode. */
export function startCpuHog(): () => void {
  const hogs = os.cpus().map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }))
  return () => hogs.forEach((h) => h.kill('SIGKILL'))
}

export const machine = () => ({
  cpus: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10,
})

/** Writes bench/results/<name>.json (BENCH_RESULT overrides the name) and prints it. */
export function writeResult(name: string, out: object) {
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(`bench/results/${process.env.BENCH_RESULT ?? name}.json`, JSON.stringify(out, null, 2) + '\n')
  console.log(JSON.stringify(out, null, 2))
}

/** A bench's entry point: a failure prints its stack and exits non-zero. */
export function runBench(main: () => Promise<void>) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}

/** Kills this process's own children at once (PostgreSQL servers with an immediate shutdown):
 * for an exit handler, when the run ends without stopping them in order. */
export function killChildrenNow() {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // pid (comm) state ppid ...; comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const [, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(ppid) !== process.pid) continue
      const postgres = stat.includes('(postgres)')
      process.kill(Number(entry), postgres ? 'SIGQUIT' : 'SIGKILL')
    } catch {
      /* gone meanwhile */
    }
  }
}
