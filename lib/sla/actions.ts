'use server'

import { defineAction } from '../next/action'
import { deactivatePolicy, savePolicy } from './policies'
import { ZPolicyRef, ZSlaPolicy } from './schemas'

export const savePolicyAction = defineAction(
  { name: 'savePolicy', can: 'system.configure', schema: ZSlaPolicy },
  (actor, input) => savePolicy(actor, input),
)

export const deactivatePolicyAction = defineAction(
  { name: 'deactivatePolicy', can: 'system.configure', schema: ZPolicyRef },
  (actor, input) => deactivatePolicy(actor, input),
)
