'use server'

import { defineAction } from '../action'
import { ZOnDuty } from '../requests/schemas'
import { ZAssignClient, ZAuthorityLimit, ZBulkReassign, ZChangeRole, ZInviteStaff, ZSetDisabled } from './schemas'
import { assignClient, bulkReassign, changeRole, inviteStaff, setAuthorityLimit, setDisabled, setOnDuty } from './service'

export const setOnDutyAction = defineAction(
  { name: 'setOnDuty', roles: ['BUTLER', 'SUPERVISOR'], schema: ZOnDuty },
  (actor, input) => setOnDuty(actor, input.onDuty),
)
export const setAuthorityLimitAction = defineAction(
  { name: 'setAuthorityLimit', roles: ['SUPERVISOR'], schema: ZAuthorityLimit }, (actor, input) => setAuthorityLimit(actor, input))
export const assignClientAction = defineAction(
  { name: 'assignClient', roles: ['SUPERVISOR'], schema: ZAssignClient }, (actor, input) => assignClient(actor, input))
export const bulkReassignAction = defineAction(
  { name: 'bulkReassign', roles: ['SUPERVISOR'], schema: ZBulkReassign }, (actor, input) => bulkReassign(actor, input))
export const inviteStaffAction = defineAction(
  { name: 'inviteStaff', roles: ['ADMIN'], schema: ZInviteStaff }, async (actor, input) => ({ id: (await inviteStaff(actor, input)).id }))
export const changeRoleAction = defineAction(
  { name: 'changeRole', roles: ['ADMIN'], schema: ZChangeRole }, (actor, input) => changeRole(actor, input))
export const setDisabledAction = defineAction(
  { name: 'setDisabled', roles: ['ADMIN'], schema: ZSetDisabled }, (actor, input) => setDisabled(actor, input))
