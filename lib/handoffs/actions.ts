'use server'

import { defineAction, serve } from '../next/action'
import { ZCloseHandoff, ZCreateHandoff } from '../requests/schemas'
import { closeHandoff, createHandoff } from './service'

export const createHandoffAction = defineAction(
  { name: 'createHandoff', can: 'request.serve', schema: ZCreateHandoff },
  async (actor, input) => ({ id: (await createHandoff(actor, input)).id }),
)

export const closeHandoffAction = serve('request.serve', ZCloseHandoff, { closeHandoff })
