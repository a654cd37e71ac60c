'use server'

import { defineAction } from '../action'
import { createRequest, postClientMessage, replyToRequest } from './service'
import { ZClientMessage, ZCreateRequest, ZReply } from './schemas'

export const createRequestAction = defineAction(
  { name: 'createRequest', roles: ['CLIENT', 'DELEGATE'], schema: ZCreateRequest },
  (actor, input) => createRequest(actor, input),
)

export const replyAction = defineAction(
  { name: 'reply', roles: ['BUTLER', 'SUPERVISOR'], schema: ZReply },
  async (actor, input) => ({ id: (await replyToRequest(actor, input)).id }),
)

export const clientMessageAction = defineAction(
  { name: 'clientMessage', roles: ['CLIENT', 'DELEGATE'], schema: ZClientMessage },
  async (actor, input) => ({ id: (await postClientMessage(actor, input)).id }),
)
