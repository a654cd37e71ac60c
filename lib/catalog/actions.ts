'use server'

import { defineAction } from '../next/action'
import { ZCannedReply, ZCategoryLabels, ZChecklistStep, ZVendor } from './schemas'
import { saveCannedReply, saveCategoryLabels, saveChecklistStep, saveVendor } from './service'

export const saveVendorAction = defineAction(
  { name: 'saveVendor', can: 'system.configure', schema: ZVendor },
  async (actor, input) => ({ id: (await saveVendor(actor, input)).id }),
)

export const saveChecklistStepAction = defineAction(
  { name: 'saveChecklistStep', can: 'system.configure', schema: ZChecklistStep },
  async (actor, input) => ({ id: (await saveChecklistStep(actor, input)).id }),
)

export const saveCannedReplyAction = defineAction(
  { name: 'saveCannedReply', can: 'system.configure', schema: ZCannedReply },
  async (actor, input) => ({ id: (await saveCannedReply(actor, input)).id }),
)

export const saveCategoryLabelsAction = defineAction(
  { name: 'saveCategoryLabels', can: 'system.configure', schema: ZCategoryLabels },
  async (actor, input) => saveCategoryLabels(actor, input),
)
