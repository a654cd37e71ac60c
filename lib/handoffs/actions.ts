'use server'

import { defineAction } from '../action'
import { ZCloseHandoff, ZCreateHandoff } from '../requests/schemas'
import { closeHandoff, createHandoff } from './service'

export const createHandoffAction = defineAction(
  { name: 'createHandoff', roles: ['BUTLER', 'SUPERVISOR'], schema: ZCreateHandoff },
  async (actor, input) => ({ id: (await createHandoff(actor, input)).id }),
)

export const closeHandoffAction = defineAction(
  { name: 'closeHandoff', roles: ['BUTLER', 'SUPERVISOR'], schema: ZCloseHandoff },
  (actor, input) => closeHandoff(actor, input),
)
