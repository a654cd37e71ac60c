// Extra database servers for the topology tests, each in its own temporary directory on its own
// port: a PgBouncer in front of the test database, and (replica tests) PostgreSQL clusters.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

const PGBOUNCER_BIN = '/usr/sbin/pgbouncer'

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
  // A crash (SIGKILL): every client and server connection drops at once; the config stays.
  kill: () => Promise<void>
  // Starts it again on the same port with the same config (after kill).
  restart: () => Promise<void>
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
  let child: ChildProcess
  const start = async () => {
    child = spawn(PGBOUNCER_BIN, [path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.on('data', (d) => (output += d))
    child.stderr!.on('data', (d) => (output += d))
    await waitForPort(port, child, () => output)
  }
  const exit = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill(signal)
    await exited
  }
  await start()

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
    kill: () => exit('SIGKILL'),
    restart: start,
    async stop() {
      await exit('SIGINT')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// Debian's server binaries (postgresql-15 on the development and CI machines): the newest installed.
const PG_BIN = (() => {
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').map(Number).filter(Boolean)
    : []
  return `/usr/lib/postgresql/${Math.max(15, ...versions)}/bin`
})()
// Root cannot run PostgreSQL: its tools run as the database's Unix user.
function pgUser() {
  if (!asRoot) return {}
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
  return { uid: id('-u'), gid: id('-g') }
}

function pgTool(tool: string, args: string[]) {
  const r = spawnSync(path.join(PG_BIN, tool), args, { encoding: 'utf8', ...pgUser() })
  if (r.status !== 0) throw new Error(`${tool} exited with ${r.status}: ${r.stderr}`)
}

// A PostgreSQL 15 server on `dataDir`, on its own port and socket directory.
async function startPostgres(dataDir: string, port: number) {
  let output = ''
  const child = spawn(
    path.join(PG_BIN, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`],
    { stdio: ['ignore', 'pipe', 'pipe'], ...pgUser() },
  )
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  await waitForPort(port, child, () => output, 20_000)
  return {
    log: () => output,
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGINT') // fast shutdown
      await exited
    },
  }
}

export type ReplicatedCluster = {
  primaryUrl: (database: string) => string
  replicaUrl: (database: string) => string
  stop: () => Promise<void>
}

// A primary made with initdb and a streaming replica of it made with pg_basebackup, each in its
// own directory under one temporary one, on their own ports. Durability is off (test data).
export async function startReplicatedCluster(): Promise<ReplicatedCluster> {
  const dir = serverDir('cluster-')
  const primaryDir = path.join(dir, 'primary')
  const replicaDir = path.join(dir, 'replica')
  const [primaryPort, replicaPort] = [await freePort(), await freePort()]
  pgTool('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
  writeFileSync(
    path.join(primaryDir, 'postgresql.auto.conf'),
    ['wal_level = replica', 'max_wal_senders = 4', 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off']
      .map((l) => `${l}\n`)
      .join(''),
  )
  const primary = await startPostgres(primaryDir, primaryPort)
  const replica = await (async () => {
    try {
      pgTool('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-D',
        replicaDir,
        '-R',
        '-X',
        'stream',
      ])
      chmodSync(replicaDir, 0o700)
      return await startPostgres(replicaDir, replicaPort)
    } catch (e) {
      await primary.stop()
      throw e
    }
  })()
  const url = (port: number) => (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`
  return {
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    async stop() {
      await replica.stop()
      await primary.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
