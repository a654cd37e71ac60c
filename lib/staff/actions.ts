'use server'

import { defineAction } from '../next/action'
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
export const setAuthorityLimitAction = defineAction(
  { name: 'setAuthorityLimit', can: 'team.lead', schema: ZAuthorityLimit },
  (actor, input) => setAuthorityLimit(actor, input),
)
export const assignClientAction = defineAction(
  { name: 'assignClient', can: 'team.lead', schema: ZAssignClient },
  (actor, input) => assignClient(actor, input),
)
export const bulkReassignAction = defineAction(
  { name: 'bulkReassign', can: 'team.lead', schema: ZBulkReassign },
  (actor, input) => bulkReassign(actor, input),
)
export const inviteStaffAction = defineAction(
  { name: 'inviteStaff', can: 'system.configure', schema: ZInviteStaff },
  async (actor, input) => ({ id: (await inviteStaff(actor, input)).id }),
)
export const changeRoleAction = defineAction(
  { name: 'changeRole', can: 'system.configure', schema: ZChangeRole },
  (actor, input) => changeRole(actor, input),
)
export const setDisabledAction = defineAction(
  { name: 'setDisabled', can: 'system.configure', schema: ZSetDisabled },
  (actor, input) => setDisabled(actor, input),
)
