'use server'

import { defineAction, serve } from '../next/action'
import { ZCareOutreach, ZCareToRequest } from './schemas'
import { careToRequest, recordOutreach } from './service'

export const recordOutreachAction = serve('request.serve', ZCareOutreach, { recordOutreach })

export const careToRequestAction = defineAction(
  { name: 'careToRequest', can: 'request.serve', schema: ZCareToRequest },
  async (actor, input) => ({ id: (await careToRequest(actor, input)).id }),
)
