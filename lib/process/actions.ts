'use server'

import { defineAction } from '../next/action'
import { ZChecklistTick } from './schemas'
import { tickChecklistStep } from './service'

export const tickChecklistStepAction = defineAction(
  { name: 'tickChecklistStep', can: 'request.serve', schema: ZChecklistTick },
  (actor, input) => tickChecklistStep(actor, input),
)
