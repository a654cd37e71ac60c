import { beforeAll } from 'vitest'
import { resetDatabase } from '../db-utils'

process.env.AUTH_SECRET ??= 'integration-test-secret-not-for-production'
process.env.LOG_LEVEL ??= 'warn'

beforeAll(async () => {
  await resetDatabase(process.env.DATABASE_URL!)
})
