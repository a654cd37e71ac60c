'use server'

import { headers } from 'next/headers'
import { defineAction, serve } from '../next/action'
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

export const changeStatusAction = serve('request.serve', ZChangeStatus, { changeStatus })

export const takeRequestAction = serve('request.take', ZTakeRequest, { takeRequest })

export const offerAlternativeAction = defineAction(
  { name: 'offerAlternative', can: 'request.serve', schema: ZOfferAlternative },
  async (actor, input) => ({ id: (await offerAlternative(actor, input)).id }),
)

export const decideAlternativeAction = serve('portal.use', ZDecideAlternative, { decideAlternative })

export const transferRequestAction = serve('request.serve', ZTransfer, { transferRequest })

export const rateRequestAction = defineAction(
  { name: 'rateRequest', can: 'portal.use', schema: ZRateRequest },
  async (actor, input) => ({ id: (await rateRequest(actor, input)).id }),
)
