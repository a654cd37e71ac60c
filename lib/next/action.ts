import 'server-only'
import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import type { Ability } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { isAppError } from '../errors'
import { log } from '../log'
import { requireActor } from './guards'

// For actions that take nothing but the session.
export const ZNoInput = z.object({})

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string> }

// Turns a form into a nested object: "details.flightNumber" -> { details: { flightNumber } },
// repeated "details.travellers[]" fields -> an array, and files stay File objects.
export function formToObject(form: FormData) {
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

// One wrapper for every server action: session, role, zod parsing, typed errors.
// Expected failures come back as messages in the viewer's language; anything else is
// logged and the user gets a generic message, never a raw 500.
export function defineAction<S extends z.ZodType, T>(
  opts: { can: Ability; schema: S; name: string; enrolling?: boolean },
  run: (actor: Actor, input: z.infer<S>) => Promise<T>,
) {
  return guarded(opts, () => requireActor(opts.can, { enrolling: opts.enrolling }), run)
}

// For the few actions a visitor without a session may call (accepting an invitation).
export function definePublicAction<S extends z.ZodType, T>(
  opts: { schema: S; name: string },
  run: (input: z.infer<S>) => Promise<T>,
) {
  return guarded(opts, async () => null, (_none, input) => run(input))
}

function guarded<S extends z.ZodType, C, T>(
  opts: { schema: S; name: string },
  authenticate: () => Promise<C>,
  run: (ctx: C, input: z.infer<S>) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const t = await getTranslations()
    // "errors.key:arg" carries one value for the message (e.g. minutes to wait).
    const say = (key: string) => {
      if (!key.startsWith('errors.')) return key
      const [k, arg] = key.split(':')
      return t(k as 'errors.generic', { n: arg ?? '' })
    }
    try {
      // Authentication comes before parsing, so a stranger learns nothing from validation.
      const ctx = await authenticate()
      const parsed = opts.schema.safeParse(raw instanceof FormData ? formToObject(raw) : raw)
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {}
        for (const issue of parsed.error.issues) {
          const key = issue.path.join('.') || '_form'
          fieldErrors[key] ??= say(issue.message)
        }
        return { ok: false, message: t('errors.checkFields'), fieldErrors }
      }
      return { ok: true, data: await run(ctx, parsed.data) }
    } catch (e) {
      if (isAppError(e)) return { ok: false, message: say(e.message) }
      log.error({ action: opts.name, err: e instanceof Error ? e.message : String(e) }, 'action failed')
      return { ok: false, message: t('errors.generic') }
    }
  }
}
