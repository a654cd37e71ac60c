'use server'

import { headers } from 'next/headers'
import { defineAction } from '../action'
import { clientIp } from '../security/client-ip'
import { consume } from '../security/rate-limit'
import {
  changeStatus, createRequest, decideAlternative, offerAlternative, postClientMessage, replyToRequest, takeRequest,
  rateRequest, transferRequest,
} from './service'
import {
  ZChangeStatus, ZClientMessage, ZCreateRequest, ZDecideAlternative, ZOfferAlternative, ZRateRequest, ZReply, ZTakeRequest, ZTransfer,
} from './schemas'

export const createRequestAction = defineAction(
  { name: 'createRequest', roles: ['CLIENT', 'DELEGATE'], schema: ZCreateRequest },
  async (actor, input) => {
    await consume('submitIp', clientIp(await headers()))
    await consume('submitAccount', actor.userId)
    return createRequest(actor, input)
  },
)

export const replyAction = defineAction(
  { name: 'reply', roles: ['BUTLER', 'SUPERVISOR'], schema: ZReply },
  async (actor, input) => ({ id: (await replyToRequest(actor, input)).id }),
)

export const clientMessageAction = defineAction(
  { name: 'clientMessage', roles: ['CLIENT', 'DELEGATE'], schema: ZClientMessage },
  async (actor, input) => ({ id: (await postClientMessage(actor, input)).id }),
)

export const changeStatusAction = defineAction(
  { name: 'changeStatus', roles: ['BUTLER', 'SUPERVISOR'], schema: ZChangeStatus },
  (actor, input) => changeStatus(actor, input),
)

export const takeRequestAction = defineAction(
  { name: 'takeRequest', roles: ['BUTLER'], schema: ZTakeRequest },
  (actor, input) => takeRequest(actor, input),
)

export const offerAlternativeAction = defineAction(
  { name: 'offerAlternative', roles: ['BUTLER', 'SUPERVISOR'], schema: ZOfferAlternative },
  async (actor, input) => ({ id: (await offerAlternative(actor, input)).id }),
)

export const decideAlternativeAction = defineAction(
  { name: 'decideAlternative', roles: ['CLIENT', 'DELEGATE'], schema: ZDecideAlternative },
  (actor, input) => decideAlternative(actor, input),
)

export const transferRequestAction = defineAction(
  { name: 'transferRequest', roles: ['BUTLER', 'SUPERVISOR'], schema: ZTransfer },
  (actor, input) => transferRequest(actor, input),
)

export const rateRequestAction = defineAction(
  { name: 'rateRequest', roles: ['CLIENT', 'DELEGATE'], schema: ZRateRequest },
  async (actor, input) => ({ id: (await rateRequest(actor, input)).id }),
)
