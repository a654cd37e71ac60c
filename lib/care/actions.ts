'use server'

import { defineAction } from '../action'
import { ZCareOutreach, ZCareToRequest } from './schemas'
import { careToRequest, recordOutreach } from './service'

export const recordOutreachAction = defineAction(
  { name: 'recordOutreach', roles: ['BUTLER', 'SUPERVISOR'], schema: ZCareOutreach },
  (actor, input) => recordOutreach(actor, input),
)

export const careToRequestAction = defineAction(
  { name: 'careToRequest', roles: ['BUTLER', 'SUPERVISOR'], schema: ZCareToRequest },
  async (actor, input) => ({ id: (await careToRequest(actor, input)).id }),
)
