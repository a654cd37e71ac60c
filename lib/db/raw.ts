import 'server-only'
import pg from 'pg'
import { Prisma } from '../generated/prisma/client'

// Raw statements straight through pg, on the same pool as Prisma. Prisma's `$queryRaw` runs each
// call through its client pipeline (about 0.2 ms of CPU here, 0.6 ms for an interactive
// transaction), against about 0.06 ms for the same statement through pg: on the paths every
// request takes (the session, the pages' reads, a submission, a message) that is most of the
// data layer's cost. The API is Prisma's raw one, so a function written for `db` or a Prisma
// transaction runs unchanged on `rawDb` or a `rawTransaction`, and results come back in the
// types Prisma's raw queries give: BigInt for int8, Decimal for numeric, Date for timestamps
// (stored as UTC, as Prisma stores them) and dates.

const pgTypes = pg.types
const { builtins } = pgTypes
const utcTimestamp = (s: string) => new Date(`${s.replace(' ', 'T')}Z`)
const utcDate = (s: string) => new Date(`${s}T00:00:00Z`)
const decimal = (s: string) => new Prisma.Decimal(s)
const bigInt = (s: string) => BigInt(s)
// pg-types' typings describe arrayParser as a function; the module it ships is `{ create }`.
const arrays = pgTypes.arrayParser as unknown as {
  create(source: string, parse: (s: string) => unknown): { parse(): unknown[] }
}
const arrayOf = (parse: (s: string) => unknown) => (s: string) => arrays.create(s, parse).parse()

// PostgreSQL array type ids (pg-types lists only the scalars).
const INT8_ARRAY = 1016
const NUMERIC_ARRAY = 1231
const TIMESTAMP_ARRAY = 1115
const DATE_ARRAY = 1182

const parsers = new Map<number, (s: string) => unknown>([
  [builtins.INT8, bigInt],
  [builtins.NUMERIC, decimal],
  [builtins.TIMESTAMP, utcTimestamp],
  [builtins.DATE, utcDate],
  [INT8_ARRAY, arrayOf(bigInt)],
  [NUMERIC_ARRAY, arrayOf(decimal)],
  [TIMESTAMP_ARRAY, arrayOf(utcTimestamp)],
  [DATE_ARRAY, arrayOf(utcDate)],
])

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    parsers.get(oid) ?? pgTypes.getTypeParser(oid, format ?? 'text')) as typeof pgTypes.getTypeParser,
}

// Values as Prisma sends them: instants as UTC ISO text (pg would write the process's local time,
// which a `timestamp` column would keep without its offset).
function param(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(param)
  return value
}

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>

async function run(on: Queryable, text: string, values: unknown[]) {
  try {
    return await on.query({ text, values: values.map(param), types })
  } catch (e) {
    throw asPrismaError(e)
  }
}

// A refusal from PostgreSQL looks as it does through Prisma's raw queries (P2010 with the server's
// code underneath), so callers that tell a unique violation or a conflict apart work either way.
function asPrismaError(e: unknown) {
  if (!(e instanceof pg.DatabaseError) || !e.code) return e
  return new Prisma.PrismaClientKnownRequestError(e.message, {
    code: 'P2010',
    clientVersion: Prisma.prismaVersion.client,
    meta: { driverAdapterError: { cause: { originalCode: e.code, originalMessage: e.message } } },
  })
}

const statementOf = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) =>
  query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values)

// The raw half of Prisma's client API over a pg pool or one connection.
export type RawDb = {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>
  $queryRawUnsafe<T = unknown>(text: string, ...values: unknown[]): Promise<T>
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>
  $executeRawUnsafe(text: string, ...values: unknown[]): Promise<number>
}

export function rawOn(connection: () => Queryable): RawDb {
  return {
    async $queryRaw<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const s = statementOf(query, values)
      return (await run(connection(), s.text, s.values)).rows as T
    },
    async $queryRawUnsafe<T>(text: string, ...values: unknown[]) {
      return (await run(connection(), text, values)).rows as T
    },
    async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const s = statementOf(query, values)
      return (await run(connection(), s.text, s.values)).rowCount ?? 0
    },
    async $executeRawUnsafe(text: string, ...values: unknown[]) {
      return (await run(connection(), text, values)).rowCount ?? 0
    },
  }
}

// One transaction on one connection of the pool: committed when `work` resolves, rolled back when
// it throws (the error goes on to the caller). A connection whose rollback failed is discarded.
export async function transactionOn<T>(pool: pg.Pool, work: (tx: RawDb) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const result = await work(rawOn(() => client))
    await client.query('COMMIT')
    return result
  } catch (e) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError))
    throw asPrismaError(e)
  } finally {
    client.release(broken)
  }
}

// An instant from a raw row: a Date, or its text when the row came inside a JSON column (a
// `timestamp` column's text carries no zone: it is UTC, as Prisma stores it).
export function instant(value: Date | string): Date {
  if (value instanceof Date) return value
  return new Date(/(Z|[+-]\d\d(:?\d\d)?)$/.test(value) ? value : `${value}Z`)
}

// Several reads that take the same parameters, as columns of one statement: each part's rows come
// back as a JSON array in the order its own ORDER BY gives (instants as text: read them with
// `instant`). One round trip instead of one per part: each statement costs the web process
// ~0.3 ms of CPU with its mapping.
export function togetherColumns(parts: Record<string, string>) {
  return Object.entries(parts)
    .map(([name, sql]) => `(SELECT COALESCE(json_agg(part), '[]'::json) FROM (${sql}) AS part) AS "${name}"`)
    .join(', ')
}

export type ReadTogether<K extends string> = Record<K, Record<string, unknown>[]>
