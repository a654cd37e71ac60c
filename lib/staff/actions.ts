'use server'

import { defineAction } from '../action'
import { ZOnDuty } from '../requests/schemas'
import { setOnDuty } from './service'

export const setOnDutyAction = defineAction(
  { name: 'setOnDuty', roles: ['BUTLER', 'SUPERVISOR'], schema: ZOnDuty },
  (actor, input) => setOnDuty(actor, input.onDuty),
)
