'use server'

import { defineAction, serve } from '../next/action'
import { ZConfirmVendorTask, ZCreateVendorTask, ZDecideApproval } from './schemas'
import { confirmVendorTask, createVendorTask, decideApproval } from './service'

export const createVendorTaskAction = defineAction(
  { name: 'createVendorTask', can: 'request.serve', schema: ZCreateVendorTask },
  async (actor, input) => {
    const task = await createVendorTask(actor, input)
    return { id: task.id, status: task.status }
  },
)

export const decideApprovalAction = serve('team.lead', ZDecideApproval, { decideApproval })

export const confirmVendorTaskAction = serve('request.serve', ZConfirmVendorTask, { confirmVendorTask })
