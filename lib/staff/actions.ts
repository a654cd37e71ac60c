'use server'

import { defineAction, serve } from '../next/action'
import { ZOnDuty } from '../requests/schemas'
import { ZAssignClient, ZAuthorityLimit, ZBulkReassign, ZChangeRole, ZInviteStaff, ZSetDisabled } from './schemas'
import {
  assignClient,
  bulkReassign,
  changeRole,
  inviteStaff,
  setAuthorityLimit,
  setDisabled,
  setOnDuty,
} from './service'

export const setOnDutyAction = defineAction(
  { name: 'setOnDuty', can: 'request.serve', schema: ZOnDuty },
  (actor, input) => setOnDuty(actor, input.onDuty),
)
export const setAuthorityLimitAction = serve('team.lead', ZAuthorityLimit, { setAuthorityLimit })
export const assignClientAction = serve('team.lead', ZAssignClient, { assignClient })
export const bulkReassignAction = serve('team.lead', ZBulkReassign, { bulkReassign })
export const inviteStaffAction = defineAction(
  { name: 'inviteStaff', can: 'system.configure', schema: ZInviteStaff },
  async (actor, input) => ({ id: (await inviteStaff(actor, input)).id }),
)
export const changeRoleAction = serve('system.configure', ZChangeRole, { changeRole })
export const setDisabledAction = serve('system.configure', ZSetDisabled, { setDisabled })
