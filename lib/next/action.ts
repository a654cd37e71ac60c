import 'server-only'
import { headers } from 'next/headers'
import { unstable_rethrow } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import type { Ability } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { isAppError, type ErrorParamValues } from '../errors'
import { schemaErrorMap, schemaFieldErrors } from '../i18n/schema-errors'
import { log, withLogContext } from '../log'
import { requireActor } from './guards'
import { incomingRequestId } from './request-id'

// For actions that take nothing but the session.
export const ZNoInput = z.object({})

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string> }

// Turns a form into a nested object: "details.flightNumber" -> { details: { flightNumber } },
// repeated "details.travellers[]" fields -> an array, and files stay File objects.
function formToObject(form: FormData) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue
    // An empty file input arrives as a nameless, empty File: treat it as not given.
    if (typeof value !== 'string' && value.size === 0 && !value.name) continue
    const isList = key.endsWith('[]')
    const path = (isList ? key.slice(0, -2) : key).split('.')
    let node = out
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>
    const last = path[path.length - 1]
    if (isList) ((node[last] ??= []) as FormDataEntryValue[]).push(value)
    else node[last] = value
  }
  return out
}

// One wrapper for every server action: session, role, zod parsing, typed errors, and a
// correlation id on every log line of the call.
// Expected failures come back as messages in the viewer's language (next to the field they
// are about, when a service names one); anything else is logged with its stack and the user
// gets a generic message, never a raw 500.
export function defineAction<S extends z.ZodType, T>(
  opts: { can: Ability; schema: S; name: string; enrolling?: boolean },
  run: (actor: Actor, input: z.infer<S>) => Promise<T>,
) {
  return guarded(opts, () => requireActor(opts.can, { enrolling: opts.enrolling }), run)
}

// The usual action: one service function run as it is, named after it, e.g.
// `serve('system.configure', ZSlaPolicy, { savePolicy })`. Actions with code of their own (a
// rate limit, a reshaped result) use defineAction.
export function serve<S extends z.ZodType, T>(
  can: Ability,
  schema: S,
  service: Record<string, (actor: Actor, input: z.infer<S>) => Promise<T>>,
) {
  const [[name, run]] = Object.entries(service)
  return defineAction({ name, can, schema }, run)
}

// For the few actions a visitor without a session may call (accepting an invitation).
export function definePublicAction<S extends z.ZodType, T>(
  opts: { schema: S; name: string },
  run: (input: z.infer<S>) => Promise<T>,
) {
  return guarded(
    opts,
    async () => null,
    (_none, input) => run(input),
  )
}

// Runs a server action's body with the correlation id of its request on every log line: the
// caller's x-request-id if it sent one, else a new id.
export async function inActionContext<T>(fn: () => Promise<T>): Promise<T> {
  return withLogContext(incomingRequestId(await headers()), fn)
}

function guarded<S extends z.ZodType, C, T>(
  opts: { schema: S; name: string },
  authenticate: () => Promise<C>,
  run: (ctx: C, input: z.infer<S>) => Promise<T>,
) {
  return (raw: unknown): Promise<ActionResult<T>> =>
    inActionContext(async () => {
      // Messages are loaded only for a refusal: an accepted call never formats one.
      const translate = () => getTranslations()
      try {
        // Authentication comes before parsing, so a stranger learns nothing from validation.
        const ctx = await authenticate()
        // Every refusal carries an errors.* key (the schema's own, else one from the map), so
        // zod's English text never reaches the user.
        const input = raw instanceof FormData ? formToObject(raw) : raw
        const parsed = opts.schema.safeParse(input, { error: schemaErrorMap })
        if (!parsed.success) {
          const t = await translate()
          const fieldErrors: Record<string, string> = {}
          for (const [field, { key, params }] of Object.entries(schemaFieldErrors(parsed.error.issues)))
            fieldErrors[field] = t(key, params)
          return { ok: false, message: t('errors.checkFields'), fieldErrors }
        }
        return { ok: true, data: await run(ctx, parsed.data) }
      } catch (e) {
        // redirect() and notFound() are how Next itself answers, not failures.
        unstable_rethrow(e)
        const t = await translate()
        if (isAppError(e)) {
          log.info({ action: opts.name, code: e.code, key: e.messageKey, field: e.field }, 'action refused')
          const message = t(e.messageKey, e.params as ErrorParamValues)
          return { ok: false, message, ...(e.field ? { fieldErrors: { [e.field]: message } } : {}) }
        }
        log.error({ err: e, action: opts.name }, 'action failed')
        return { ok: false, message: t('errors.generic') }
      }
    })
}
