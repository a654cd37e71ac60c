import 'server-only'
import pg from 'pg'
import { env } from '../env'
import { log } from '../log'

// Every connection a process opens to PostgreSQL is made here, so one setting (DATABASE_POOL_SIZE)
// bounds them all and /api/health can report what each pool holds. DATABASE_URL may point at a
// transaction-pooling PgBouncer: the pools below run only statements that need no session
// (unnamed statements, transactions, transaction-scoped advisory locks). What needs a session
// (LISTEN) opens a direct connection through DATABASE_DIRECT_URL.

export type PoolName = 'primary' | 'replica' | 'jobs' | 'limits'

// A process's share-out of DATABASE_POOL_SIZE: one session for LISTEN, an eighth each for the job
// queue and the rate limiter (the worker, which has no rate limiter, gives that share to its job
// queue), the rest for the data layer. The replica's pool is as large as the primary's, on its
// own server.
export function poolSizes(total: number) {
  const listen = 1
  const jobs = Math.max(1, Math.floor(total / 8))
  const limits = Math.max(1, Math.floor(total / 8))
  return { listen, jobs, limits, workerJobs: jobs + limits, primary: total - listen - jobs - limits }
}

export const sizes = () => poolSizes(env().DATABASE_POOL_SIZE)

// Where session work connects: the database itself, never PgBouncer.
const directUrl = () => env().DATABASE_DIRECT_URL ?? env().DATABASE_URL

type Counts = { max: number; total: number; idle: number; waiting: number }
type Registry = { counters: Map<string, () => Counts | null>; direct: Map<string, number> }
const globalForPools = globalThis as unknown as { dbPools?: Registry }
const registry = (globalForPools.dbPools ??= { counters: new Map(), direct: new Map() })

const countsOf = (pool: pg.Pool, max: number): Counts => ({
  max,
  total: pool.totalCount,
  idle: pool.idleCount,
  waiting: pool.waitingCount,
})

// A pool of the process, registered under its name for the health report.
export function makePool(name: PoolName, connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: `diamond-butler ${name}` })
  // An idle connection dropped by the server (restart, PgBouncer reload) must not end the process.
  pool.on('error', (err) => log.warn({ pool: name, reason: err.message }, 'idle database connection lost'))
  registry.counters.set(name, () => countsOf(pool, max))
  return pool
}

// For pools made by a library (the job queue's): reported like ours.
export function registerPoolCounter(name: PoolName, counts: () => Counts | null) {
  registry.counters.set(name, counts)
}

// A session of its own on the database (LISTEN), counted while open.
export function directClient(purpose: string): pg.Client {
  const client = new pg.Client({ connectionString: directUrl(), application_name: `diamond-butler ${purpose}` })
  let open = false
  const close = () => {
    if (!open) return
    open = false
    registry.direct.set(purpose, (registry.direct.get(purpose) ?? 1) - 1)
  }
  client.once('connect', () => {
    open = true
    registry.direct.set(purpose, (registry.direct.get(purpose) ?? 0) + 1)
  })
  client.once('end', close)
  return client
}

export type PoolUse = { name: string; inUse: number; idle: number; max: number; waiting: number }

// What each pool of this process holds right now; direct sessions are listed as "direct <purpose>".
export function poolUse(): PoolUse[] {
  const out: PoolUse[] = []
  for (const [name, counter] of registry.counters) {
    const c = counter()
    if (c) out.push({ name, inUse: c.total - c.idle, idle: c.idle, max: c.max, waiting: c.waiting })
  }
  for (const [purpose, open] of registry.direct) {
    out.push({ name: `direct ${purpose}`, inUse: open, idle: 0, max: sizes().listen, waiting: 0 })
  }
  return out
}
