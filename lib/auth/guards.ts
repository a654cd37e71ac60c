import { redirect } from 'next/navigation'
import { cache } from 'react'
import type { Role } from '../generated/prisma/enums'
import { AppError } from '../errors'
import { auth } from './config'
import { homePathFor, type Actor } from './roles'
import { loadActor } from './sessions'

// Cached per render so layout, page and i18n config share one session lookup.
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth()
  if (!session?.sid) return null
  return loadActor(session.sid)
})

export const SECOND_FACTOR_SETUP_PATH = '/account/two-factor'

// Guards take { enrolling: true } only on the page and actions that set up a second factor:
// everywhere else a supervisor or admin without one is turned away.

// For pages: send strangers to sign-in and the wrong audience to their own home.
export async function requirePageActor(roles: readonly Role[], o: { enrolling?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  if (!roles.includes(actor.role)) redirect(homePathFor(actor.role))
  if (actor.mustEnrollSecondFactor && !o.enrolling) redirect(SECOND_FACTOR_SETUP_PATH)
  return actor
}

// For actions and route handlers: fail with a typed error the caller turns into a response.
export async function requireActor(roles: readonly Role[], o: { enrolling?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.sessionEnded')
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (actor.mustEnrollSecondFactor && !o.enrolling) throw new AppError('FORBIDDEN', 'errors.secondFactorSetupFirst')
  return actor
}

// For route handlers: the actor, or the response to send instead.
export async function routeActor(roles: readonly Role[]): Promise<Actor | Response> {
  const actor = await currentActor()
  if (!actor) return new Response('Unauthorized', { status: 401 })
  if (!roles.includes(actor.role) || actor.mustEnrollSecondFactor) return new Response('Forbidden', { status: 403 })
  return actor
}
