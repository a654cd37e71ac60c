import { z } from 'zod'

// Form fields arrive as strings, JSON bodies as numbers. A plain decimal string becomes its
// number; anything else (booleans, arrays, objects, "5abc", "0x10", "1e3", "") reaches the
// number schema unchanged and is refused there with its own message. z.coerce would turn
// `true` into 1 and `[5]` into 5.
const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/

export function formNumber<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && DECIMAL.test(v.trim()) ? Number(v.trim()) : v), schema)
}

// A row version is a PostgreSQL integer: anything larger is refused as bad input, not sent to
// the database.
export const MAX_ROW_VERSION = 2_147_483_647

// The optimistic-lock version a form echoes back.
export const rowVersion = formNumber(z.number().int().positive().max(MAX_ROW_VERSION))
