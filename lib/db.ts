import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/prisma/client'
import { makePool, sizes, type PoolName } from './db/pools'
import { env } from './env'

function createClient(name: PoolName = 'primary', url = env().DATABASE_URL) {
  return new PrismaClient({
    // Our own pool, so its use is reported. Prisma's pg adapter sends unnamed statements only, so
    // it runs unchanged behind a transaction-pooling PgBouncer (no `pgbouncer=true` needed).
    adapter: new PrismaPg(makePool(name, url, sizes().primary), { disposeExternalPool: true }),
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
const globalForPrisma = globalThis as unknown as { prisma?: Db; replica?: Db }
const lazy = (get: () => Db): Db =>
  new Proxy({} as Db, {
    get(_target, prop) {
      const c = get()
      const value = Reflect.get(c, prop)
      return typeof value === 'function' ? value.bind(c) : value
    },
  })

export const db: Db = lazy(() => (globalForPrisma.prisma ??= createClient()))

// Reading work that may trail the primary by a few seconds: KPIs and their drill-downs, exports,
// the audit log. With DATABASE_REPLICA_URL set it reads from the replica; the console, the live
// board and anything that reads its own writes use `db`.
export const readDb: Db = lazy(() => {
  const url = env().DATABASE_REPLICA_URL
  if (!url) return (globalForPrisma.prisma ??= createClient())
  return (globalForPrisma.replica ??= createClient('replica', url))
})
