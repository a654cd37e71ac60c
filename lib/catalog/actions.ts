'use server'

import { defineAction } from '../action'
import { ZCannedReply, ZCategoryLabels, ZChecklistStep, ZVendor } from './schemas'
import { saveCannedReply, saveCategoryLabels, saveChecklistStep, saveVendor } from './service'

export const saveVendorAction = defineAction(
  { name: 'saveVendor', roles: ['ADMIN'], schema: ZVendor },
  async (actor, input) => ({ id: (await saveVendor(actor, input)).id }),
)

export const saveChecklistStepAction = defineAction(
  { name: 'saveChecklistStep', roles: ['ADMIN'], schema: ZChecklistStep },
  async (actor, input) => ({ id: (await saveChecklistStep(actor, input)).id }),
)

export const saveCannedReplyAction = defineAction(
  { name: 'saveCannedReply', roles: ['ADMIN'], schema: ZCannedReply },
  async (actor, input) => ({ id: (await saveCannedReply(actor, input)).id }),
)

export const saveCategoryLabelsAction = defineAction(
  { name: 'saveCategoryLabels', roles: ['ADMIN'], schema: ZCategoryLabels },
  async (actor, input) => saveCategoryLabels(actor, input),
)
