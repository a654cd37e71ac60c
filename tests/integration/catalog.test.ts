import { afterAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stopProducer } from '../../lib/jobs/boss'
import {
  categoryLabels,
  saveCannedReply,
  saveCategoryLabels,
  saveChecklistStep,
  saveVendor,
} from '../../lib/catalog/service'
import { ZCategoryLabels, ZChecklistStep, ZVendor } from '../../lib/catalog/schemas'
import { checklistFor } from '../../lib/process/queries'
import { listActiveVendors } from '../../lib/vendors/queries'
import { createRequest } from '../../lib/requests/lifecycle'
import { createStaff } from '../factories'
import { actorFor, teamWithClient, useResponsePolicy } from './helpers'

describe('admin catalog: vendors, checklists, canned replies', () => {
  afterAll(stopProducer)

  it('an admin edits the vendor directory and checklists; butlers see the result and cannot edit', async () => {
    await useResponsePolicy(180, 120)
    const admin = await actorFor((await createStaff(db, { role: 'ADMIN' })).id)
    const team = await teamWithClient('Catalog')
    await db.categoryConfig.upsert({
      where: { category: 'HEALTH' },
      create: { category: 'HEALTH', nameZh: '健康', nameEn: 'Health' },
      update: {},
    })

    const vendor = await saveVendor(
      admin,
      ZVendor.parse({ name: 'Raffles Medical', kind: 'hospital', city: 'Singapore', active: 'on' }),
    )
    expect((await listActiveVendors()).map((v) => v.id)).toContain(vendor.id)
    await saveVendor(admin, ZVendor.parse({ id: vendor.id, name: 'Raffles Medical', kind: 'hospital' }))
    expect((await listActiveVendors()).map((v) => v.id)).not.toContain(vendor.id)

    const step = await saveChecklistStep(
      admin,
      ZChecklistStep.parse({
        category: 'HEALTH',
        position: '0',
        labelZh: '核对病历',
        labelEn: 'Check the records',
        active: 'on',
      }),
    )
    const request = await createRequest(team.clientActor, {
      category: 'HEALTH',
      title: 'Check-up',
      details: { hospital: 'PUMCH', department: 'Cardiology' },
    })
    expect((await checklistFor(team.butlerActor, request.id)).map((s) => s.id)).toContain(step.id)

    expect(
      ZChecklistStep.safeParse({ category: 'HEALTH', position: '120', labelZh: 'x', labelEn: 'x' }).error?.issues[0]
        .message,
    ).toBe('errors.position')
    await expect(saveVendor(team.butlerActor, ZVendor.parse({ name: 'X', kind: 'car' }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(
      saveCannedReply(team.butlerActor, { id: null, category: 'HEALTH', locale: 'en', title: 'x', body: 'y' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(
      await db.auditEvent.count({
        where: {
          actorId: admin.userId,
          action: { in: ['vendor.created', 'vendor.updated', 'checklist_step.created'] },
        },
      }),
    ).toBe(3)

    await saveCategoryLabels(
      admin,
      ZCategoryLabels.parse({
        category: 'HEALTH',
        nameZh: '医疗健康',
        nameEn: 'Health care',
        labels: { hospital: { zh: '医院名称', en: 'Hospital name' }, department: { zh: '', en: '' } },
      }),
    )
    const labels = await categoryLabels()
    expect(labels.HEALTH).toEqual({
      name: { zh: '医疗健康', en: 'Health care' },
      fields: { hospital: { zh: '医院名称', en: 'Hospital name' } },
    })
    await expect(
      saveCategoryLabels(team.butlerActor, ZCategoryLabels.parse({ category: 'HEALTH', nameZh: 'x', nameEn: 'y' })),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
