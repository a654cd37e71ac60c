import type en from '../messages/en.json'

export type AppErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_INPUT' | 'CONFLICT' | 'INVALID_TRANSITION' | 'RATE_LIMITED'

// One HTTP status per kind of refusal, for route handlers (lib/next/route.ts).
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
}

// A key of the "errors" namespace of messages/*.json: a typo fails the type check.
export type ErrorKey = `errors.${keyof typeof en.errors & string}`

// The values a message needs, by key; every other key takes none.
type ErrorParams = {
  'errors.rateLimited': { minutes: number }
  'errors.signInAddressLimited': { minutes: number }
  'errors.signInAccountGuarded': { minutes: number }
}
export type ErrorParamValues = ErrorParams[keyof ErrorParams]
type ParamsArg<K extends ErrorKey> = K extends keyof ErrorParams ? [params: ErrorParams[K]] : []

// An expected failure: the user sees its message, translated by the action wrapper, and a
// route handler answers with the status of its code. `message` is the key itself, so logs
// and tests read it without a translation.
export class AppError<K extends ErrorKey = ErrorKey> extends Error {
  readonly params?: ErrorParamValues
  // The input field the refusal is about, so the form shows it next to that field.
  field?: string

  constructor(
    readonly code: AppErrorCode,
    readonly messageKey: K,
    ...params: ParamsArg<K>
  ) {
    super(messageKey)
    this.name = 'AppError'
    this.params = params[0]
  }

  get status() {
    return HTTP_STATUS[this.code]
  }

  forField(field: string) {
    this.field = field
    return this
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
