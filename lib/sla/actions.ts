'use server'

import { defineAction } from '../action'
import { deactivatePolicy, savePolicy } from './policies'
import { ZPolicyRef, ZSlaPolicy } from './schemas'

export const savePolicyAction = defineAction(
  { name: 'savePolicy', roles: ['ADMIN'], schema: ZSlaPolicy },
  (actor, input) => savePolicy(actor, input),
)

export const deactivatePolicyAction = defineAction(
  { name: 'deactivatePolicy', roles: ['ADMIN'], schema: ZPolicyRef },
  (actor, input) => deactivatePolicy(actor, input),
)
