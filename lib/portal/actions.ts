'use server'

import { z } from 'zod'
import { defineAction } from '../next/action'
import { markThreadRead } from './thread-reads'

// Whoever takes part in a request's conversation marks it read (scope is checked by the service).
export const markThreadReadAction = defineAction(
  { name: 'markThreadRead', can: 'thread.read', schema: z.object({ requestId: z.string().min(1).max(40) }) },
  (actor, input) => markThreadRead(actor, input.requestId),
)
