import pg from 'pg'

// Tests may wipe the database, so they refuse anything that is not on this machine.
export function assertLocalDatabase(url: string | undefined) {
  if (!url) throw new Error('DATABASE_URL is not set: run tests through `npm test` (it starts a database).')
  const host = new URL(url).hostname
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`)
  }
}

export async function resetDatabase(url: string) {
  assertLocalDatabase(url)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    )
    await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`)
    await client.query(`DELETE FROM pgboss.job`).catch(() => {})
    await client.query(`TRUNCATE ratelimit.limits`).catch(() => {})
  } finally {
    await client.end()
  }
}
