import 'server-only'
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import pino from 'pino'
import { logSettings } from './env'

const settings = logSettings()

type LogContext = { correlationId: string }
const context = new AsyncLocalStorage<LogContext>()

// Structured JSON logs. Callers log ids, never personal data (names, phones, message text).
// Every line carries the process name and, inside a request or job, its correlation id, so one
// failing request can be followed through the web process, the database and the worker.
export const log = pino({
  level: settings.LOG_LEVEL,
  base: { process: settings.PROCESS_NAME },
  mixin: () => {
    const current = context.getStore()
    return current ? { correlationId: current.correlationId } : {}
  },
  serializers: { err: pino.stdSerializers.err },
  redact: { paths: ['email', 'password', 'phone', '*.email', '*.password', '*.phone'], censor: '[redacted]' },
})

// Runs fn with a correlation id on every log line it writes (a new one unless given).
export function withLogContext<T>(correlationId: string | null | undefined, fn: () => T): T {
  return context.run({ correlationId: correlationId || randomUUID() }, fn)
}

export const currentCorrelationId = () => context.getStore()?.correlationId
