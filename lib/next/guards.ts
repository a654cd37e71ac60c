import 'server-only'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { AppError } from '../errors'
import { assertCan, can, homePathFor, type Ability } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { currentSessionId } from './session-cookie'
import { loadActor } from '../auth/sessions'

// Cached per render so layout, page and i18n config share one session lookup: the cookie
// Auth.js signed names our session row, which must still be live (one statement).
export const currentActor = cache(async (): Promise<Actor | null> => {
  const sessionId = await currentSessionId()
  return sessionId ? loadActor(sessionId) : null
})

const SECOND_FACTOR_SETUP_PATH = '/account/two-factor'

// Guards take { enrolling: true } only on the page and actions that set up a second factor:
// everywhere else a supervisor or admin without one is turned away.
type GuardOptions = { enrolling?: boolean }

// For layouts and pages: send strangers to sign-in and the wrong audience to their own home.
export async function requirePageActor(ability: Ability, o: GuardOptions = {}): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) redirect('/login')
  if (!can(actor, ability)) redirect(homePathFor(actor.role))
  if (actor.mustEnrollSecondFactor && !o.enrolling) redirect(SECOND_FACTOR_SETUP_PATH)
  return actor
}

// For actions and route handlers: fail with a typed error the caller turns into a response.
export async function requireActor(ability: Ability, o: GuardOptions = {}): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.sessionEnded')
  assertCan(actor, ability)
  if (actor.mustEnrollSecondFactor && !o.enrolling) throw new AppError('FORBIDDEN', 'errors.secondFactorSetupFirst')
  return actor
}
