import { describe, expect, it } from 'vitest'
import pg from 'pg'
import type { AppError } from '../../lib/errors'
import { assertAllowed, consume, RATE_LIMIT_DDL, reset } from '../../lib/security/rate-limit'

describe('rate limits (PostgreSQL-backed)', () => {
  it('refuses the sixth failed sign-in for one account with a clear, email-agnostic error, and a reset clears it', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    await client.query(RATE_LIMIT_DDL)
    await client.query('TRUNCATE ratelimit.limits')
    await client.end()
    const who = `nobody-${Date.now()}@nowhere.test`
    for (let i = 0; i < 5; i++) await consume('signInAccount', who)
    const refusal = await assertAllowed('signInAccount', who).catch((e: unknown) => e)
    expect(refusal).toMatchObject({
      code: 'RATE_LIMITED',
      messageKey: 'errors.rateLimited',
      params: { minutes: expect.any(Number) },
    })
    expect(Number.isInteger((refusal as AppError).params?.minutes)).toBe(true)
    await expect(consume('signInAccount', who)).rejects.toMatchObject({ code: 'RATE_LIMITED' })
    // Another account is unaffected; the same email in other case is the same account.
    await expect(assertAllowed('signInAccount', `other-${who}`)).resolves.toBeUndefined()
    await expect(assertAllowed('signInAccount', who.toUpperCase())).rejects.toMatchObject({ code: 'RATE_LIMITED' })
    await reset('signInAccount', who)
    await expect(assertAllowed('signInAccount', who)).resolves.toBeUndefined()
  })

  it('keeps no email in the counter table', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    const { rows } = await client.query<{ key: string }>('SELECT key FROM ratelimit.limits')
    await client.end()
    expect(rows.every((r) => !r.key.includes('@'))).toBe(true)
  })
})
