import { describe, expect, it } from 'vitest'
import { Prisma } from '../../lib/generated/prisma/client'
import { db, rawDb, rawTransaction } from '../../lib/db'
import { isUniqueViolation } from '../../lib/requests/unit-of-work'

// rawDb answers what Prisma's raw queries answer, value for value, so a function moves from one
// to the other without a change in what its callers get.
describe('raw statements through pg', () => {
  const typed = Prisma.sql`
    SELECT 42::int8 AS big, 12.50::numeric AS cost, 1.5::float8 AS ratio, 7::int4 AS small,
           '2026-03-01 08:30:00.123'::timestamp AS stamp, '2026-03-01 08:30:00+08'::timestamptz AS instant,
           '2026-03-01'::date AS day, '{"a": [1, "x"]}'::jsonb AS doc, ARRAY['a', 'b'] AS words,
           ARRAY[1, 2]::int8[] AS bigs, ARRAY['2026-01-02 03:04:05'::timestamp] AS stamps,
           NULL::text AS nothing, TRUE AS yes, gen_random_uuid() IS NOT NULL AS made,
           ${new Date('2026-05-06T07:08:09.010Z')}::timestamp AS "sentStamp", ${'x'} AS "sentText",
           ${['p', 'q']}::text[] AS "sentWords", ${3} AS "sentNumber"`

  it('gives the same values as Prisma for every kind of column and parameter', async () => {
    const [viaPrisma] = await db.$queryRaw<Record<string, unknown>[]>(typed)
    const [viaPg] = await rawDb.$queryRaw<Record<string, unknown>[]>(typed)
    expect(viaPg).toEqual(viaPrisma)
    expect(viaPg.big).toBe(42n)
    expect(viaPg.cost).toBeInstanceOf(Prisma.Decimal)
    expect((viaPg.stamp as Date).toISOString()).toBe('2026-03-01T08:30:00.123Z')
    expect((viaPg.day as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z')
    expect((viaPg.sentStamp as Date).toISOString()).toBe('2026-05-06T07:08:09.010Z')
  })

  it('takes the tagged, the Sql and the unsafe forms, and counts changed rows', async () => {
    const [tagged] = await rawDb.$queryRaw<{ n: number }[]>`SELECT ${5}::int AS n`
    const [unsafe] = await rawDb.$queryRawUnsafe<{ n: number }[]>('SELECT $1::int + $2::int AS n', 2, 3)
    expect(tagged.n).toBe(5)
    expect(unsafe.n).toBe(5)
    // A temporary table lives on one connection: count on a transaction's own.
    const changed = await rawTransaction(async (tx) => {
      await tx.$executeRawUnsafe('CREATE TEMP TABLE raw_count (n int) ON COMMIT DROP')
      return tx.$executeRaw`INSERT INTO raw_count SELECT generate_series(1, ${4}::int)`
    })
    expect(changed).toBe(4)
  })

  it('commits a transaction that finishes and rolls back one that throws, with its error', async () => {
    await rawDb.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS raw_probe (key text PRIMARY KEY, value jsonb)')
    const key = `raw-${Date.now()}`
    await rawTransaction((tx) => tx.$executeRaw`INSERT INTO raw_probe (key, value) VALUES (${key}, '1'::jsonb)`)
    const failed = rawTransaction(async (tx) => {
      await tx.$executeRaw`UPDATE raw_probe SET value = '2'::jsonb WHERE key = ${key}`
      await tx.$executeRaw`INSERT INTO raw_probe (key, value) VALUES (${key}, '3'::jsonb)`
    })
    const error = await failed.catch((e: unknown) => e)
    // A unique violation reads as it does through Prisma's raw queries.
    expect(isUniqueViolation(error)).toBe(true)
    const [row] = await rawDb.$queryRaw<{ value: unknown }[]>`SELECT value FROM raw_probe WHERE key = ${key}`
    expect(row.value).toBe(1)
    await rawDb.$executeRawUnsafe('DROP TABLE raw_probe')
  })
})
