'use server'

import { defineAction } from '../next/action'
import { inviteDelegate, revokeDelegate } from './delegates'
import { deleteOwned, saveFamilyMember, saveKeyDate, savePreference, updateSettings } from './profile'
import { ZDeleteById, ZFamilyMember, ZInviteDelegate, ZKeyDate, ZPreference, ZSettings } from './schemas'

export const updateSettingsAction = defineAction(
  { name: 'updateSettings', can: 'portal.use', schema: ZSettings },
  (actor, input) => updateSettings(actor, input),
)
export const savePreferenceAction = defineAction(
  { name: 'savePreference', can: 'profile.manage', schema: ZPreference },
  (actor, input) => savePreference(actor, input),
)
export const deletePreferenceAction = defineAction(
  { name: 'deletePreference', can: 'profile.manage', schema: ZDeleteById },
  (actor, input) => deleteOwned(actor, 'preference', input),
)
export const saveFamilyMemberAction = defineAction(
  { name: 'saveFamilyMember', can: 'profile.manage', schema: ZFamilyMember },
  (actor, input) => saveFamilyMember(actor, input),
)
export const deleteFamilyMemberAction = defineAction(
  { name: 'deleteFamilyMember', can: 'profile.manage', schema: ZDeleteById },
  (actor, input) => deleteOwned(actor, 'family_member', input),
)
export const saveKeyDateAction = defineAction(
  { name: 'saveKeyDate', can: 'profile.manage', schema: ZKeyDate },
  (actor, input) => saveKeyDate(actor, input),
)
export const deleteKeyDateAction = defineAction(
  { name: 'deleteKeyDate', can: 'profile.manage', schema: ZDeleteById },
  (actor, input) => deleteOwned(actor, 'key_date', input),
)
export const inviteDelegateAction = defineAction(
  { name: 'inviteDelegate', can: 'profile.manage', schema: ZInviteDelegate },
  async (actor, input) => ({ id: (await inviteDelegate(actor, input)).id }),
)
export const revokeDelegateAction = defineAction(
  { name: 'revokeDelegate', can: 'profile.manage', schema: ZDeleteById },
  (actor, input) => revokeDelegate(actor, input),
)
