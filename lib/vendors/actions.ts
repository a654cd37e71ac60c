'use server'

import { defineAction } from '../next/action'
import { ZConfirmVendorTask, ZCreateVendorTask, ZDecideApproval } from './schemas'
import { confirmVendorTask, createVendorTask, decideApproval } from './service'

export const createVendorTaskAction = defineAction(
  { name: 'createVendorTask', can: 'request.serve', schema: ZCreateVendorTask },
  async (actor, input) => {
    const task = await createVendorTask(actor, input)
    return { id: task.id, status: task.status }
  },
)

export const decideApprovalAction = defineAction(
  { name: 'decideApproval', can: 'team.lead', schema: ZDecideApproval },
  (actor, input) => decideApproval(actor, input),
)

export const confirmVendorTaskAction = defineAction(
  { name: 'confirmVendorTask', can: 'request.serve', schema: ZConfirmVendorTask },
  (actor, input) => confirmVendorTask(actor, input),
)
