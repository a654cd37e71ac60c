'use server'

import { headers } from 'next/headers'
import { defineAction } from '../next/action'
import { clientIp } from '../security/client-ip'
import { consume } from '../security/rate-limit'
import { changeStatus, createRequest, takeRequest, transferRequest } from './lifecycle'
import { decideAlternative, offerAlternative } from './alternatives'
import { postClientMessage, replyToRequest } from './conversation'
import { rateRequest } from './rating'
import {
  ZChangeStatus,
  ZClientMessage,
  ZCreateRequest,
  ZDecideAlternative,
  ZOfferAlternative,
  ZRateRequest,
  ZReply,
  ZTakeRequest,
  ZTransfer,
} from './schemas'

export const createRequestAction = defineAction(
  { name: 'createRequest', can: 'portal.use', schema: ZCreateRequest },
  async (actor, input) => {
    await consume('submitIp', clientIp(await headers()))
    await consume('submitAccount', actor.userId)
    return createRequest(actor, input)
  },
)

export const replyAction = defineAction(
  { name: 'reply', can: 'request.serve', schema: ZReply },
  async (actor, input) => ({ id: (await replyToRequest(actor, input)).id }),
)

export const clientMessageAction = defineAction(
  { name: 'clientMessage', can: 'portal.use', schema: ZClientMessage },
  async (actor, input) => ({ id: (await postClientMessage(actor, input)).id }),
)

export const changeStatusAction = defineAction(
  { name: 'changeStatus', can: 'request.serve', schema: ZChangeStatus },
  (actor, input) => changeStatus(actor, input),
)

export const takeRequestAction = defineAction(
  { name: 'takeRequest', can: 'request.take', schema: ZTakeRequest },
  (actor, input) => takeRequest(actor, input),
)

export const offerAlternativeAction = defineAction(
  { name: 'offerAlternative', can: 'request.serve', schema: ZOfferAlternative },
  async (actor, input) => ({ id: (await offerAlternative(actor, input)).id }),
)

export const decideAlternativeAction = defineAction(
  { name: 'decideAlternative', can: 'portal.use', schema: ZDecideAlternative },
  (actor, input) => decideAlternative(actor, input),
)

export const transferRequestAction = defineAction(
  { name: 'transferRequest', can: 'request.serve', schema: ZTransfer },
  (actor, input) => transferRequest(actor, input),
)

export const rateRequestAction = defineAction(
  { name: 'rateRequest', can: 'portal.use', schema: ZRateRequest },
  async (actor, input) => ({ id: (await rateRequest(actor, input)).id }),
)
