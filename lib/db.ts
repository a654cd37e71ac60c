import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/prisma/client'
import type pg from 'pg'
import { makePool, sizes } from './db/pools'
import { rawOn, transactionOn, type RawDb } from './db/raw'
import { env } from './env'

function createClient(pool: pg.Pool) {
  return new PrismaClient({
    // Our own pool, so its use is reported and raw statements (rawDb) share it. Prisma's pg adapter
    // sends unnamed statements only, so it runs unchanged behind a transaction-pooling PgBouncer
    // (no `pgbouncer=true` needed).
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Secrets never leave the data layer unless a query selects them by name.
    omit: { user: { passwordHash: true, totpSecret: true, inviteToken: true } },
    // In a burst, a write waits its turn for a connection instead of failing after Prisma's
    // default 2 s; the user sees a slower answer, never a lost submission.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  })
}

export type Db = ReturnType<typeof createClient>
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

// One client per process (kept on globalThis across dev reloads), created on first use so
// that importing this module during the build needs no database settings.
const globalForPrisma = globalThis as unknown as { prisma?: Db; replica?: Db; primaryPool?: pg.Pool }
const primaryPool = () => (globalForPrisma.primaryPool ??= makePool('primary', env().DATABASE_URL, sizes().primary))
const lazy = (get: () => Db): Db =>
  new Proxy({} as Db, {
    get(_target, prop) {
      const c = get()
      const value = Reflect.get(c, prop)
      return typeof value === 'function' ? value.bind(c) : value
    },
  })

export const db: Db = lazy(() => (globalForPrisma.prisma ??= createClient(primaryPool())))

// The hot paths' raw statements through pg on db's pool (lib/db/raw.ts): Prisma's raw API without
// its per-call cost. `rawTransaction` is `db.$transaction` for work written only in raw statements.
export const rawDb: RawDb = rawOn(primaryPool)
export const rawTransaction = <T>(work: (tx: RawDb) => Promise<T>) => transactionOn(primaryPool(), work)

// Reading work that may trail the primary by a few seconds: KPIs and their drill-downs, exports,
// the audit log. With DATABASE_REPLICA_URL set it reads from the replica; the console, the live
// board and anything that reads its own writes use `db`.
export const readDb: Db = lazy(() => {
  const url = env().DATABASE_REPLICA_URL
  if (!url) return (globalForPrisma.prisma ??= createClient(primaryPool()))
  return (globalForPrisma.replica ??= createClient(makePool('replica', url, sizes().primary)))
})
