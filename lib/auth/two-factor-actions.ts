'use server'

import { defineAction, ZNoInput } from '../next/action'
import { ZResetSecondFactor, ZSecondFactorCode } from './schemas'
import { beginEnrollment, confirmEnrollment, regenerateRecoveryCodes, resetSecondFactor } from './two-factor'

// Setting up is the one thing a supervisor or admin without a second factor may do.
export const beginSecondFactorAction = defineAction(
  { name: 'beginSecondFactor', can: 'secondFactor.use', schema: ZNoInput, enrolling: true },
  (actor) => beginEnrollment(actor),
)
export const confirmSecondFactorAction = defineAction(
  { name: 'confirmSecondFactor', can: 'secondFactor.use', schema: ZSecondFactorCode, enrolling: true },
  (actor, input) => confirmEnrollment(actor, input.code),
)
export const renewRecoveryCodesAction = defineAction(
  { name: 'renewRecoveryCodes', can: 'secondFactor.use', schema: ZSecondFactorCode },
  (actor, input) => regenerateRecoveryCodes(actor, input.code),
)
export const resetSecondFactorAction = defineAction(
  { name: 'resetSecondFactor', can: 'system.configure', schema: ZResetSecondFactor },
  (actor, input) => resetSecondFactor(actor, input.userId),
)
