'use server'

import { defineAction } from '../action'
import { ZChecklistTick } from './schemas'
import { tickChecklistStep } from './service'

export const tickChecklistStepAction = defineAction(
  { name: 'tickChecklistStep', roles: ['BUTLER', 'SUPERVISOR'], schema: ZChecklistTick },
  (actor, input) => tickChecklistStep(actor, input),
)
