import type { z } from 'zod'
import type { ErrorKey } from '../errors'

// zod's own messages are English ("Too small: expected number to be >0"). Every rule that names
// an errors.* key keeps it; every other refusal (a missing field, a wrong type, a number out of
// range, a string too long, an unknown option) is given one here, so the action wrapper always
// has a key to translate into the viewer's language.
type Issue = z.core.$ZodRawIssue
// The limit a range or length refusal names ("at most {max} characters").
type SchemaErrorParams = { min: number } | { max: number }

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

function keyFor(issue: Issue): ErrorKey {
  switch (issue.code) {
    case 'invalid_type':
      if (isBlank(issue.input)) return 'errors.required'
      if (issue.expected === 'int') return 'errors.wholeNumber'
      if (issue.expected === 'number' || issue.expected === 'bigint') return 'errors.notNumber'
      if (issue.expected === 'File') return 'errors.fileRequired'
      if (issue.expected === 'date') return 'errors.invalidDate'
      return 'errors.invalidValue'
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'bigint')
        return issue.inclusive === false ? 'errors.numberAbove' : 'errors.numberAtLeast'
      if (Number(issue.minimum) <= 1) return 'errors.required'
      return issue.origin === 'string' ? 'errors.textTooShort' : 'errors.tooFew'
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'bigint')
        return issue.inclusive === false ? 'errors.numberBelow' : 'errors.numberAtMost'
      return issue.origin === 'string' ? 'errors.textTooLong' : 'errors.tooMany'
    case 'invalid_format':
      if (issue.format === 'email') return 'errors.email'
      if (['date', 'datetime', 'time', 'duration'].includes(issue.format)) return 'errors.invalidDate'
      return 'errors.invalidValue'
    case 'invalid_value':
      return 'errors.chooseOption'
    default:
      return 'errors.invalidValue'
  }
}

// Given to safeParse: rules without their own message get a key instead of zod's English.
export const schemaErrorMap: z.core.$ZodErrorMap = (issue) => ({ message: keyFor(issue) })

// Every key the map can give, for the test that both languages carry them.
export const SCHEMA_ERROR_KEYS: readonly ErrorKey[] = [
  'errors.required',
  'errors.wholeNumber',
  'errors.notNumber',
  'errors.fileRequired',
  'errors.invalidDate',
  'errors.invalidValue',
  'errors.numberAbove',
  'errors.numberAtLeast',
  'errors.textTooShort',
  'errors.tooFew',
  'errors.numberBelow',
  'errors.numberAtMost',
  'errors.textTooLong',
  'errors.tooMany',
  'errors.email',
  'errors.chooseOption',
]

// The key and values to show for one refusal of a parse with schemaErrorMap. A message that is
// not a key (a schema that forgot one) still shows a translated sentence, never zod's text.
export function schemaIssueMessage(issue: z.core.$ZodIssue): { key: ErrorKey; params?: SchemaErrorParams } {
  const key = issue.message.startsWith('errors.') ? (issue.message as ErrorKey) : 'errors.invalidValue'
  if (issue.code === 'too_small' && WITH_MIN.has(key)) return { key, params: { min: Number(issue.minimum) } }
  if (issue.code === 'too_big' && WITH_MAX.has(key)) return { key, params: { max: Number(issue.maximum) } }
  return { key }
}
const WITH_MIN = new Set<ErrorKey>([
  'errors.numberAbove',
  'errors.numberAtLeast',
  'errors.textTooShort',
  'errors.tooFew',
])
const WITH_MAX = new Set<ErrorKey>([
  'errors.numberBelow',
  'errors.numberAtMost',
  'errors.textTooLong',
  'errors.tooMany',
])

// Field path ("details.passengers", or "_form" for the whole input) -> the first refusal there.
export function schemaFieldErrors(issues: readonly z.core.$ZodIssue[]) {
  const out: Record<string, { key: ErrorKey; params?: SchemaErrorParams }> = {}
  for (const issue of issues) out[issue.path.join('.') || '_form'] ??= schemaIssueMessage(issue)
  return out
}
