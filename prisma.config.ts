import 'dotenv/config'
import { defineConfig } from 'prisma/config'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'

// Workaround 1 (prisma/orm#27403): @prisma/adapter-pg 6.x cannot map the catalog types
// `name` (oid 19) and "char" (oid 18) that the Wasm schema engine reads. Present them as text.
const origAddFields = (pg as any).Result.prototype.addFields
;(pg as any).Result.prototype.addFields = function (fields: any[]) {
  for (const f of fields) {
    if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25
    else if (f.dataTypeID === 1002 || f.dataTypeID === 1003) f.dataTypeID = 1009
  }
  return origAddFields.call(this, fields)
}

function pgConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? u.pathname.slice(1),
    allowExitOnIdle: true,
    idleTimeoutMillis: 200, // otherwise each CLI command lingers ~10 s (pg idleTimeoutMillis)
  }
}

// Workaround 2: adapter-pg 6.19's connectToShadowDb() (a) lets connectionString override the
// shadow database name and (b) drops the shadow DB while its pool is still connected.
// Workaround 4: adapter-pg 6.19's executeScript() splits a migration on every ';', which breaks
// dollar-quoted function bodies (our triggers). Send the script whole: the simple query protocol
// runs several statements in one implicit transaction.
function wholeScripts<T>(adapter: T): T {
  const a = adapter as any
  a.executeScript = async (script: string) => {
    try {
      await a.client.query(script)
    } catch (error) {
      a.onError(error)
    }
  }
  return adapter
}

class MigratePg extends PrismaPg {
  constructor(private url: string) {
    super(pgConfig(url))
  }
  async connect() {
    return wholeScripts(await super.connect())
  }
  async connectToShadowDb() {
    // Servers without CREATE DATABASE + connect (PGlite): use a dedicated, disposable shadow server.
    if (process.env.SHADOW_DATABASE_URL) {
      const shadow: any = wholeScripts(await new PrismaPg(pgConfig(process.env.SHADOW_DATABASE_URL)).connect())
      await shadow.executeScript('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public')
      return shadow
    }
    const admin = await this.connect()
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`
    await admin.executeScript(`CREATE DATABASE "${name}"`)
    const shadow: any = wholeScripts(await new PrismaPg(pgConfig(this.url, name)).connect())
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await dispose()
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.dispose()
    }
    return shadow
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  // Migrations take a session (and run DDL): never through a transaction-pooling PgBouncer.
  adapter: async () => new MigratePg(process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL!),
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
})

// Workaround 3: the Wasm schema engine leaves 10 s / 60 s timers pending, so `migrate dev`
// lingers 10-60 s after finishing. Unref long timers in the CLI process only.
const _setTimeout = globalThis.setTimeout
globalThis.setTimeout = ((fn: any, ms?: number, ...args: any[]) => {
  const t = _setTimeout(fn, ms, ...args)
  if ((ms ?? 0) >= 10_000) (t as any).unref?.()
  return t
}) as typeof setTimeout
