import { getTranslations } from 'next-intl/server'
import type { z } from 'zod'
import type { Role } from './generated/prisma/enums'
import { requireActor } from './auth/guards'
import type { Actor } from './auth/roles'
import { isAppError } from './errors'
import { log } from './log'

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string> }

// Turns a form into a nested object: "details.flightNumber" -> { details: { flightNumber } }.
export function formToObject(form: FormData) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) continue
    const path = key.split('.')
    let node = out
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>
    node[path[path.length - 1]] = value
  }
  return out
}

// One wrapper for every server action: session, role, zod parsing, typed errors.
// Expected failures come back as messages in the viewer's language; anything else is
// logged and the user gets a generic message, never a raw 500.
export function defineAction<S extends z.ZodType, T>(
  opts: { roles: readonly Role[]; schema: S; name: string },
  run: (actor: Actor, input: z.infer<S>) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const t = await getTranslations()
    const say = (key: string) => (key.startsWith('errors.') ? t(key as 'errors.generic') : key)
    try {
      const actor = await requireActor(opts.roles)
      const parsed = opts.schema.safeParse(raw instanceof FormData ? formToObject(raw) : raw)
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {}
        for (const issue of parsed.error.issues) {
          const key = issue.path.join('.') || '_form'
          fieldErrors[key] ??= say(issue.message)
        }
        return { ok: false, message: t('errors.checkFields'), fieldErrors }
      }
      return { ok: true, data: await run(actor, parsed.data) }
    } catch (e) {
      if (isAppError(e)) return { ok: false, message: say(e.message) }
      log.error({ action: opts.name, err: e instanceof Error ? e.message : String(e) }, 'action failed')
      return { ok: false, message: t('errors.generic') }
    }
  }
}
