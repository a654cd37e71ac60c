'use server'

import { defineAction } from '../next/action'
import { ZCareOutreach, ZCareToRequest } from './schemas'
import { careToRequest, recordOutreach } from './service'

export const recordOutreachAction = defineAction(
  { name: 'recordOutreach', can: 'request.serve', schema: ZCareOutreach },
  (actor, input) => recordOutreach(actor, input),
)

export const careToRequestAction = defineAction(
  { name: 'careToRequest', can: 'request.serve', schema: ZCareToRequest },
  async (actor, input) => ({ id: (await careToRequest(actor, input)).id }),
)
