// Installs or upgrades what lives beside the Prisma-managed tables: the job queue's schema
// ("pgboss") and the rate limiter's counters ("ratelimit").
import pg from 'pg'
import { env } from '../lib/env'
import { createBoss } from '../lib/jobs/boss'
import { RATE_LIMIT_DDL } from '../lib/security/rate-limit'

const boss = await createBoss('worker')
await boss.stop({ graceful: false })
const client = new pg.Client({ connectionString: env().DATABASE_DIRECT_URL ?? env().DATABASE_URL })
await client.connect()
await client.query(RATE_LIMIT_DDL)
await client.end()
