'use server'

import { defineAction } from '../next/action'
import { eraseClient } from './erasure'
import { ZEraseClient } from './schemas'

export const eraseClientAction = defineAction(
  { name: 'eraseClient', can: 'privacy.erase', schema: ZEraseClient },
  (actor, input) => eraseClient(actor, input),
)
