'use server'

import { defineAction, ZNoInput } from '../action'
import { STAFF_ROLES } from './roles'
import { ZResetSecondFactor, ZSecondFactorCode } from './schemas'
import { beginEnrollment, confirmEnrollment, regenerateRecoveryCodes, resetSecondFactor } from './two-factor'

// Setting up is the one thing a supervisor or admin without a second factor may do.
export const beginSecondFactorAction = defineAction(
  { name: 'beginSecondFactor', roles: STAFF_ROLES, schema: ZNoInput, enrolling: true },
  (actor) => beginEnrollment(actor))
export const confirmSecondFactorAction = defineAction(
  { name: 'confirmSecondFactor', roles: STAFF_ROLES, schema: ZSecondFactorCode, enrolling: true },
  (actor, input) => confirmEnrollment(actor, input.code))
export const renewRecoveryCodesAction = defineAction(
  { name: 'renewRecoveryCodes', roles: STAFF_ROLES, schema: ZSecondFactorCode },
  (actor, input) => regenerateRecoveryCodes(actor, input.code))
export const resetSecondFactorAction = defineAction(
  { name: 'resetSecondFactor', roles: ['ADMIN'], schema: ZResetSecondFactor },
  (actor, input) => resetSecondFactor(actor, input.userId))
