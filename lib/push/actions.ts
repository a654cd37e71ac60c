'use server'

import { serve } from '../next/action'
import { ZPushDevice, ZPushSubscribe } from './schemas'
import { removePushDevice, subscribePush } from './subscriptions'

export const subscribePushAction = serve('account.use', ZPushSubscribe, { subscribePush })

export const removePushDeviceAction = serve('account.use', ZPushDevice, { removePushDevice })
