import 'server-only'
import { z } from 'zod'

// The only module that reads process.env. Parsed lazily so that build steps that never
// touch the database (next build's static analysis) do not need a full environment.
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgres:// URL' }),
  // Work that needs its own session (LISTEN, migrations) connects here when DATABASE_URL points at
  // a transaction-pooling PgBouncer; without it, DATABASE_URL is used for everything.
  DATABASE_DIRECT_URL: z.string().url({ message: 'DATABASE_DIRECT_URL must be a postgres:// URL' }).optional(),
  // A streaming replica for reading work (dashboards, KPIs, exports, the audit log).
  DATABASE_REPLICA_URL: z.string().url({ message: 'DATABASE_REPLICA_URL must be a postgres:// URL' }).optional(),
  // Connections one process may hold to the primary (or PgBouncer), shared out between its pools.
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: 'DATABASE_POOL_SIZE must be a whole number from 5 to 200' })
    .int({ message: 'DATABASE_POOL_SIZE must be a whole number from 5 to 200' })
    .min(5, { message: 'DATABASE_POOL_SIZE must be a whole number from 5 to 200' })
    .max(200, { message: 'DATABASE_POOL_SIZE must be a whole number from 5 to 200' })
    .default(16),
  // Needed by the web process only; the worker and tools run without it.
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional(),
  SESSION_HOURS: z.coerce.number().int().positive().default(12),
  // Outgoing mail. Without SMTP_URL, mail is kept in the outbox and shown on /dev/mail
  // (development only) instead of being sent.
  SMTP_URL: z.string().url({ message: 'SMTP_URL must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().default('Diamond Butler <butler@localhost>'),
  APP_URL: z.string().url().default('http://localhost:3000'),
  // Finished requests sampled per butler per week for quality inspection.
  QA_SAMPLE_SIZE: z.coerce.number().int().min(1).max(50).default(3),
  // How many days ahead of a birthday, anniversary or trip the butler is reminded.
  CARE_LEAD_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  // How many reverse proxies stand in front of the web process and append the caller's address
  // to X-Forwarded-For. 0 (the default): the socket's peer is the caller, the header is ignored.
  TRUSTED_PROXY_HOPS: z
    .string()
    .regex(/^[0-5]$/, { message: 'TRUSTED_PROXY_HOPS must be a whole number from 0 to 5' })
    .default('0')
    .transform(Number),
  // Who compresses pages and JSON: this process (`app`, the default, right when nothing stands
  // in front of it) or the reverse proxy in front (`proxy`): nginx's gzip in C costs the web
  // process nothing, where Node's gzip costs 1-2 ms of CPU a page (docs/performance.md).
  HTTP_COMPRESSION: z.enum(['app', 'proxy'], { message: 'HTTP_COMPRESSION must be app or proxy' }).default('app'),
  // Web Push (VAPID). Without the key pair one is generated at first use and kept in the
  // database (private key sealed); the subject is the contact push services may write to.
  VAPID_PUBLIC_KEY: z.string().min(40).optional(),
  VAPID_PRIVATE_KEY: z.string().min(20).optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/, 'VAPID_SUBJECT must be a mailto: or https: URL')
    .default('mailto:butler@localhost'),
})

export type TEnv = z.infer<typeof ZEnv>

let cached: TEnv | undefined

/** The settings in `source`, or an error naming every bad one. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid environment: ${problems}`)
  }
  return parsed.data
}

export function env(): TEnv {
  cached ??= parseEnv(process.env)
  return cached
}

export function authSecret(): string {
  const secret = env().AUTH_SECRET
  if (!secret) throw new Error('Invalid environment: AUTH_SECRET is required by the web process')
  return secret
}

const ZLogEnv = z.object({
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PROCESS_NAME: z.string().default('web'),
})

// Logging must work before (and when) the full environment fails validation.
export function logSettings() {
  const parsed = ZLogEnv.safeParse(process.env)
  return parsed.success ? parsed.data : { LOG_LEVEL: 'info' as const, PROCESS_NAME: 'web' }
}
