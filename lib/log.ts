import pino from 'pino'
import { logSettings } from './env'

const settings = logSettings()

// Structured JSON logs. Callers log ids, never personal data (names, phones, message text).
export const log = pino({
  level: settings.LOG_LEVEL,
  base: { process: settings.PROCESS_NAME },
  redact: { paths: ['email', 'password', 'phone', '*.email', '*.password', '*.phone'], censor: '[redacted]' },
})
