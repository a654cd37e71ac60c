import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/prisma/client'
import { makePool, sizes } from './db/pools'
import { env } from './env'

function createClient() {
  return new PrismaClient({
    // Our own pool, so its use is reported. Prisma's pg adapter sends unnamed statements only, so
    // it runs unchanged behind a transaction-pooling PgBouncer (no `pgbouncer=true` needed).
    adapter: new PrismaPg(makePool('primary', env().DATABASE_URL, sizes().primary), { disposeExternalPool: true }),
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
const globalForPrisma = globalThis as unknown as { prisma?: Db }
function client(): Db {
  globalForPrisma.prisma ??= createClient()
  return globalForPrisma.prisma
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const c = client()
    const value = Reflect.get(c, prop)
    return typeof value === 'function' ? value.bind(c) : value
  },
})
