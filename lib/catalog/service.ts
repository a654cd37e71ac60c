import 'server-only'
import { db } from '../db'
import { assertCan } from '../auth/policy'
import { AppError } from '../errors'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'
import type { TCannedReply, TCategoryLabels, TChecklistStep, TVendor } from './schemas'

const requireAdmin = (actor: Actor) => {
  assertCan(actor, 'system.configure')
}

// Vendors are deactivated, never deleted: past vendor tasks keep pointing at them.
export async function saveVendor(actor: Actor, input: TVendor) {
  requireAdmin(actor)
  const data = {
    name: input.name,
    kind: input.kind,
    city: input.city ?? null,
    contact: input.contact ?? null,
    active: input.active,
  }
  return db.$transaction(async (tx) => {
    const vendor = input.id
      ? await tx.vendor.update({ where: { id: input.id }, data, select: { id: true } }).catch(() => null)
      : await tx.vendor.create({ data, select: { id: true } })
    if (!vendor) throw new AppError('NOT_FOUND', 'errors.notFound')
    await recordAudit(tx, actor.userId, input.id ? 'vendor.updated' : 'vendor.created', 'Vendor', vendor.id, { data })
    return vendor
  })
}

export async function saveChecklistStep(actor: Actor, input: TChecklistStep) {
  requireAdmin(actor)
  const data = {
    category: input.category,
    position: input.position,
    labelZh: input.labelZh,
    labelEn: input.labelEn,
    active: input.active,
  }
  return db.$transaction(async (tx) => {
    const step = input.id
      ? await tx.checklistStep.update({ where: { id: input.id }, data, select: { id: true } }).catch(() => null)
      : await tx.checklistStep.create({ data, select: { id: true } })
    if (!step) throw new AppError('NOT_FOUND', 'errors.notFound')
    await recordAudit(
      tx,
      actor.userId,
      input.id ? 'checklist_step.updated' : 'checklist_step.created',
      'ChecklistStep',
      step.id,
      { data },
    )
    return step
  })
}

export async function saveCannedReply(actor: Actor, input: TCannedReply) {
  requireAdmin(actor)
  const data = { category: input.category, locale: input.locale, title: input.title, body: input.body }
  return db.$transaction(async (tx) => {
    const reply = input.id
      ? await tx.cannedReply.update({ where: { id: input.id }, data, select: { id: true } }).catch(() => null)
      : await tx.cannedReply.create({ data, select: { id: true } })
    if (!reply) throw new AppError('NOT_FOUND', 'errors.notFound')
    await recordAudit(
      tx,
      actor.userId,
      input.id ? 'canned_reply.updated' : 'canned_reply.created',
      'CannedReply',
      reply.id,
      { data },
    )
    return reply
  })
}

export async function listCatalog(actor: Actor) {
  requireAdmin(actor)
  const [vendors, steps, canned] = await Promise.all([
    db.vendor.findMany({
      orderBy: [{ active: 'desc' }, { kind: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, kind: true, city: true, contact: true, active: true },
    }),
    db.checklistStep.findMany({
      orderBy: [{ category: 'asc' }, { position: 'asc' }],
      select: { id: true, category: true, position: true, labelZh: true, labelEn: true, active: true },
    }),
    db.cannedReply.findMany({
      orderBy: [{ category: 'asc' }, { locale: 'asc' }, { title: 'asc' }],
      select: { id: true, category: true, locale: true, title: true, body: true },
    }),
  ])
  return { vendors, steps, canned }
}

export async function saveCategoryLabels(actor: Actor, input: TCategoryLabels) {
  requireAdmin(actor)
  const fieldLabels = Object.fromEntries(Object.entries(input.labels).filter(([, v]) => v.zh || v.en))
  return db.$transaction(async (tx) => {
    await tx.categoryConfig.upsert({
      where: { category: input.category },
      create: { category: input.category, nameZh: input.nameZh, nameEn: input.nameEn, fieldLabels },
      update: { nameZh: input.nameZh, nameEn: input.nameEn, fieldLabels },
    })
    await recordAudit(tx, actor.userId, 'category.labels_updated', 'CategoryConfig', input.category, {
      data: { nameZh: input.nameZh, nameEn: input.nameEn, fieldLabels },
    })
    return { category: input.category }
  })
}

export type CategoryLabels = Record<
  string,
  { name: { zh: string; en: string }; fields: Record<string, { zh: string; en: string }> }
>

// Read by every form and detail view; no actor needed, the labels are not confidential.
export async function categoryLabels(): Promise<CategoryLabels> {
  const rows = await db.categoryConfig.findMany({
    select: { category: true, nameZh: true, nameEn: true, fieldLabels: true },
  })
  return Object.fromEntries(
    rows.map((r) => [
      r.category,
      {
        name: { zh: r.nameZh, en: r.nameEn },
        fields: (r.fieldLabels ?? {}) as Record<string, { zh: string; en: string }>,
      },
    ]),
  )
}
