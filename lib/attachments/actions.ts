'use server'

import { z } from 'zod'
import { defineAction } from '../next/action'
import { uploadAttachment } from './service'

const ZUpload = z.object({
  requestId: z.string().min(1).max(40),
  file: z.instanceof(File, { message: 'errors.fileRequired' }),
})

export const uploadAttachmentAction = defineAction(
  { name: 'uploadAttachment', can: 'attachment.upload', schema: ZUpload },
  async (actor, input) => ({ id: (await uploadAttachment(actor, input.requestId, input.file)).id }),
)
