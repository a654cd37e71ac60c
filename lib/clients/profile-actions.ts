'use server'

import { defineAction } from '../action'
import { inviteDelegate, revokeDelegate } from './delegates'
import { deleteOwned, saveFamilyMember, saveKeyDate, savePreference, updateSettings } from './profile'
import { ZDeleteById, ZFamilyMember, ZInviteDelegate, ZKeyDate, ZPreference, ZSettings } from './schemas'

const CLIENT = ['CLIENT'] as const

export const updateSettingsAction = defineAction(
  { name: 'updateSettings', roles: ['CLIENT', 'DELEGATE'], schema: ZSettings }, (actor, input) => updateSettings(actor, input))
export const savePreferenceAction = defineAction(
  { name: 'savePreference', roles: CLIENT, schema: ZPreference }, (actor, input) => savePreference(actor, input))
export const deletePreferenceAction = defineAction(
  { name: 'deletePreference', roles: CLIENT, schema: ZDeleteById }, (actor, input) => deleteOwned(actor, 'preference', input))
export const saveFamilyMemberAction = defineAction(
  { name: 'saveFamilyMember', roles: CLIENT, schema: ZFamilyMember }, (actor, input) => saveFamilyMember(actor, input))
export const deleteFamilyMemberAction = defineAction(
  { name: 'deleteFamilyMember', roles: CLIENT, schema: ZDeleteById }, (actor, input) => deleteOwned(actor, 'family_member', input))
export const saveKeyDateAction = defineAction(
  { name: 'saveKeyDate', roles: CLIENT, schema: ZKeyDate }, (actor, input) => saveKeyDate(actor, input))
export const deleteKeyDateAction = defineAction(
  { name: 'deleteKeyDate', roles: CLIENT, schema: ZDeleteById }, (actor, input) => deleteOwned(actor, 'key_date', input))
export const inviteDelegateAction = defineAction(
  { name: 'inviteDelegate', roles: CLIENT, schema: ZInviteDelegate }, async (actor, input) => ({ id: (await inviteDelegate(actor, input)).id }))
export const revokeDelegateAction = defineAction(
  { name: 'revokeDelegate', roles: CLIENT, schema: ZDeleteById }, (actor, input) => revokeDelegate(actor, input))
