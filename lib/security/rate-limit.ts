import 'server-only'
import { createHash } from 'node:crypto'
import pg from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { env } from '../env'
import { AppError } from '../errors'

// Counters live in PostgreSQL (schema "ratelimit", created with the migrations), so every web
// copy shares them and a restart forgets nothing.
const RATE_LIMIT_SCHEMA = 'ratelimit'
const RATE_LIMIT_TABLE = 'limits'

const LIMITS = {
  signInAccount: { points: 5, duration: 15 * 60 },
  signInIp: { points: 30, duration: 15 * 60 },
  submitAccount: { points: 30, duration: 60 * 60 },
  submitIp: { points: 120, duration: 60 * 60 },
} as const
export type LimitName = keyof typeof LIMITS

const globalForLimits = globalThis as unknown as { limiters?: Map<LimitName, RateLimiterPostgres>; limitPool?: pg.Pool }

function limiter(name: LimitName) {
  globalForLimits.limitPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 3 })
  globalForLimits.limiters ??= new Map()
  let l = globalForLimits.limiters.get(name)
  if (!l) {
    l = new RateLimiterPostgres({
      storeClient: globalForLimits.limitPool,
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

const limited = (res: RateLimiterRes) =>
  new AppError('RATE_LIMITED', 'errors.rateLimited', { minutes: Math.max(1, Math.ceil(res.msBeforeNext / 60_000)) })

// Counts one use; refuses once the limit is reached.
export async function consume(name: LimitName, raw: string) {
  try {
    await limiter(name).consume(keyOf(raw))
  } catch (e) {
    if (e instanceof RateLimiterRes) throw limited(e)
    throw e
  }
}

// Refuses if the limit is already reached, without counting (for sign-in, where only
// failures count).
export async function assertAllowed(name: LimitName, raw: string) {
  const res = await limiter(name).get(keyOf(raw))
  if (res && res.consumedPoints >= LIMITS[name].points) throw limited(res)
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
