import 'server-only'
import { createHash } from 'node:crypto'
import pg from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { makePool, sizes } from '../db/pools'
import { env } from '../env'
import { AppError } from '../errors'

// Counters live in PostgreSQL (schema "ratelimit", created with the migrations), so every web
// copy shares them and a restart forgets nothing.
const RATE_LIMIT_SCHEMA = 'ratelimit'
const RATE_LIMIT_TABLE = 'limits'

const LIMITS = {
  // Failed sign-ins for one account from one place: an address, or a device that has signed
  // in to it before (see sign-in-limits.ts). Reaching it locks that place out for a while.
  signInAccount: { points: 5, duration: 15 * 60 },
  // How often one place has been locked out of one account in a day: each lockout doubles.
  signInStrikes: { points: 1_000, duration: 24 * 3600 },
  // Failed sign-ins from one address across all accounts (password spraying).
  signInIp: { points: 30, duration: 15 * 60 },
  // Failed sign-ins for one account from every unknown device together (a botnet guessing
  // one password); devices that have signed in before are not held back by it.
  signInAccountAll: { points: 50, duration: 60 * 60 },
  submitAccount: { points: 30, duration: 60 * 60 },
  submitIp: { points: 120, duration: 60 * 60 },
} as const
export type LimitName = keyof typeof LIMITS

type StoreClient = { query: (q: pg.QueryConfig) => Promise<pg.QueryResult> }
const globalForLimits = globalThis as unknown as {
  limiters?: Map<LimitName, RateLimiterPostgres>
  limitStore?: StoreClient
}

// The limiter names its statements ("limits:rlflx-upsert"): server-side prepared statements that
// live on one server connection, while the client library remembers them per client connection.
// Behind a transaction-pooling PgBouncer each call may run on another server connection, where the
// name is unknown ("does not exist") or already taken by another client ("already exists"), and the
// submission fails. Sent unnamed (parsed and run in one round, as the data layer's statements are),
// they run on any server connection.
function unnamedStatements(pool: pg.Pool): StoreClient {
  return { query: (q) => pool.query({ text: q.text, values: q.values }) }
}

function limiter(name: LimitName) {
  globalForLimits.limitStore ??= unnamedStatements(makePool('limits', env().DATABASE_URL, sizes().limits))
  globalForLimits.limiters ??= new Map()
  let l = globalForLimits.limiters.get(name)
  if (!l) {
    l = new RateLimiterPostgres({
      storeClient: globalForLimits.limitStore,
      storeType: 'pool',
      schemaName: RATE_LIMIT_SCHEMA,
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      keyPrefix: name,
      points: LIMITS[name].points,
      duration: LIMITS[name].duration,
    })
    globalForLimits.limiters.set(name, l)
  }
  return l
}

// Keys are hashed: emails and addresses never sit in the counter table.
const keyOf = (raw: string) => createHash('sha256').update(raw.trim().toLowerCase()).digest('hex').slice(0, 40)

type WaitKey = 'errors.rateLimited' | 'errors.signInAddressLimited' | 'errors.signInAccountGuarded'

// The refusal for a reached limit, naming the wait in whole minutes, rounded up.
const limited = (ms: number, key: WaitKey = 'errors.rateLimited') =>
  new AppError('RATE_LIMITED', key, { minutes: Math.max(1, Math.ceil(ms / 60_000)) })

// Counts one use; refuses once the limit is reached.
export async function consume(name: LimitName, raw: string, key?: WaitKey) {
  try {
    return await limiter(name).consume(keyOf(raw))
  } catch (e) {
    if (e instanceof RateLimiterRes) throw limited(e.msBeforeNext, key)
    throw e
  }
}

// Refuses if the limit is already reached, without counting (for sign-in, where only
// failures count).
export async function assertAllowed(name: LimitName, raw: string, key?: WaitKey) {
  const res = await limiter(name).get(keyOf(raw))
  if (res && res.consumedPoints >= LIMITS[name].points) throw limited(res.msBeforeNext, key)
}

// Counts one use without refusing; returns how many the key has used in its window.
export async function count(name: LimitName, raw: string) {
  return (await limiter(name).penalty(keyOf(raw), 1)).consumedPoints
}

export const limitOf = (name: LimitName) => LIMITS[name].points

// Holds a key at its limit for a given time, whatever its count.
export async function block(name: LimitName, raw: string, seconds: number) {
  await limiter(name).block(keyOf(raw), seconds)
}

export async function reset(name: LimitName, raw: string) {
  await limiter(name).delete(keyOf(raw))
}

export const RATE_LIMIT_DDL = `
  CREATE SCHEMA IF NOT EXISTS ${RATE_LIMIT_SCHEMA};
  CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_SCHEMA}.${RATE_LIMIT_TABLE} (
    key varchar(255) PRIMARY KEY,
    points integer NOT NULL DEFAULT 0,
    expire bigint
  );`
