import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import { MAX_ATTACHMENT_BYTES, readAttachment, uploadAttachment } from '../../lib/attachments/service'
import { createRequest } from '../../lib/requests/lifecycle'
import { createStaff } from '../factories'
import { actorFor, teamWithClient, useResponsePolicy } from './helpers'

const pdf = (size = 1000) =>
  new File([Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size)])], 'passport.pdf', {
    type: 'application/pdf',
  })

describe('attachments', () => {
  afterAll(stopProducer)

  it('are served only to those who may see the request; guessing another client’s id finds nothing', async () => {
    await useResponsePolicy(180, 120)
    const a = await teamWithClient('Files A')
    const b = await teamWithClient('Files B')
    const request = await createRequest(a.clientActor, { category: 'OTHER', title: 'Visa', details: {} })
    const file = await uploadAttachment(a.clientActor, request.id, pdf())
    expect(
      Buffer.from((await readAttachment(a.clientActor, file.id))!.content)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    expect(await readAttachment(a.butlerActor, file.id)).not.toBeNull()
    expect(await readAttachment(b.clientActor, file.id)).toBeNull()
    expect(await readAttachment(b.butlerActor, file.id)).toBeNull()
    expect(await readAttachment(await actorFor((await createStaff(db, { role: 'ADMIN' })).id), file.id)).toBeNull()
    await expect(uploadAttachment(b.clientActor, request.id, pdf())).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await db.auditEvent.count({ where: { action: 'attachment.downloaded', entityId: file.id } })).toBe(1)
  })

  it('refuses an oversized or wrong-type file with a clear message and stores nothing', async () => {
    const a = await teamWithClient('Files C')
    const request = await createRequest(a.clientActor, { category: 'OTHER', title: 'Docs', details: {} })
    await expect(uploadAttachment(a.clientActor, request.id, pdf(MAX_ATTACHMENT_BYTES))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'errors.fileTooLarge',
    })
    const script = new File(['#!/bin/sh\necho hi'], 'photo.jpg', { type: 'image/jpeg' })
    await expect(uploadAttachment(a.clientActor, request.id, script)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'errors.fileType',
    })
    expect(await db.attachment.count({ where: { requestId: request.id } })).toBe(0)
  })
})
