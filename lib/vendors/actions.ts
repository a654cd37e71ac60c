'use server'

import { defineAction } from '../action'
import { ZConfirmVendorTask, ZCreateVendorTask, ZDecideApproval } from './schemas'
import { confirmVendorTask, createVendorTask, decideApproval } from './service'

export const createVendorTaskAction = defineAction(
  { name: 'createVendorTask', roles: ['BUTLER', 'SUPERVISOR'], schema: ZCreateVendorTask },
  async (actor, input) => {
    const task = await createVendorTask(actor, input)
    return { id: task.id, status: task.status }
  },
)

export const decideApprovalAction = defineAction(
  { name: 'decideApproval', roles: ['SUPERVISOR'], schema: ZDecideApproval },
  (actor, input) => decideApproval(actor, input),
)

export const confirmVendorTaskAction = defineAction(
  { name: 'confirmVendorTask', roles: ['BUTLER', 'SUPERVISOR'], schema: ZConfirmVendorTask },
  (actor, input) => confirmVendorTask(actor, input),
)
