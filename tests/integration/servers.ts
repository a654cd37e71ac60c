// Extra database servers for the topology tests, each in its own temporary directory on its own
// port: a PgBouncer in front of the test database, and (replica tests) PostgreSQL clusters.
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

export const PGBOUNCER_BIN = '/usr/sbin/pgbouncer'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${log()}`)
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket()
      s.once('connect', () => (s.destroy(), resolve(true)))
      s.once('error', () => (s.destroy(), resolve(false)))
      s.connect(port, '127.0.0.1')
    })
    if (ok) return
    if (Date.now() > end) throw new Error(`server did not listen on ${port}: ${log()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

// A temporary directory the database's own Unix user can write to (PgBouncer and PostgreSQL
// refuse to run as root and switch to "postgres" when started by it).
export function serverDir(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  chmodSync(dir, 0o777)
  return dir
}

const asRoot = process.getuid?.() === 0

export type PgBouncer = {
  port: number
  // The URL of `database` through PgBouncer (same user and name as the direct one).
  url: string
  // PgBouncer's admin console (SHOW POOLS, SHOW CLIENTS, SHOW STATS...), simple protocol.
  show: (what: string) => Promise<Record<string, unknown>[]>
  stop: () => Promise<void>
}

// Debian's PgBouncer in transaction pooling mode in front of the database of `directUrl`, with
// `serverPoolSize` server connections per database and user.
export async function startPgBouncer(directUrl: string, serverPoolSize = 2): Promise<PgBouncer> {
  const target = new URL(directUrl)
  const user = decodeURIComponent(target.username) || 'postgres'
  const dir = serverDir('pgbouncer-')
  const port = await freePort()
  writeFileSync(path.join(dir, 'users.txt'), `"${user}" ""\n`)
  writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${serverPoolSize}`,
      'max_client_conn = 500',
      `admin_users = ${user}`,
      'ignore_startup_parameters = extra_float_digits,options',
      ...(asRoot ? ['user = postgres'] : []),
    ].join('\n'),
  )
  let output = ''
  const child = spawn(PGBOUNCER_BIN, [path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  await waitForPort(port, child, () => output)

  const url = new URL(directUrl)
  url.port = String(port)
  url.hostname = '127.0.0.1'
  const admin = new URL(url)
  admin.pathname = '/pgbouncer'

  return {
    port,
    url: url.toString(),
    async show(what) {
      const c = new pg.Client({ connectionString: admin.toString() })
      await c.connect()
      try {
        // The admin console speaks only the simple query protocol: no parameters.
        return (await c.query(`SHOW ${what}`)).rows
      } finally {
        await c.end()
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGINT')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
