'use server'

import { defineAction } from '../next/action'
import { ZPushDevice, ZPushSubscribe } from './schemas'
import { removePushDevice, subscribePush } from './subscriptions'

export const subscribePushAction = defineAction(
  { name: 'subscribePush', can: 'account.use', schema: ZPushSubscribe },
  (actor, input) => subscribePush(actor, input),
)

export const removePushDeviceAction = defineAction(
  { name: 'removePushDevice', can: 'account.use', schema: ZPushDevice },
  (actor, input) => removePushDevice(actor, input),
)
