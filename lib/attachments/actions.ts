'use server'

import { z } from 'zod'
import { defineAction } from '../action'
import { uploadAttachment } from './service'

const ZUpload = z.object({
  requestId: z.string().min(1).max(40),
  file: z.instanceof(File, { message: 'errors.fileRequired' }),
})

export const uploadAttachmentAction = defineAction(
  { name: 'uploadAttachment', roles: ['CLIENT', 'DELEGATE', 'BUTLER', 'SUPERVISOR'], schema: ZUpload },
  async (actor, input) => ({ id: (await uploadAttachment(actor, input.requestId, input.file)).id }),
)
