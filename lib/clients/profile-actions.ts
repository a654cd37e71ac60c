'use server'

import { defineAction, serve } from '../next/action'
import { inviteDelegate, revokeDelegate } from './delegates'
import { deleteOwned, saveFamilyMember, saveKeyDate, savePreference, updateSettings } from './profile'
import { ZDeleteById, ZFamilyMember, ZInviteDelegate, ZKeyDate, ZPreference, ZSettings } from './schemas'

export const updateSettingsAction = serve('portal.use', ZSettings, { updateSettings })
export const savePreferenceAction = serve('profile.manage', ZPreference, { savePreference })
export const deletePreferenceAction = defineAction(
  { name: 'deletePreference', can: 'profile.manage', schema: ZDeleteById },
  (actor, input) => deleteOwned(actor, 'preference', input),
)
export const saveFamilyMemberAction = serve('profile.manage', ZFamilyMember, { saveFamilyMember })
export const deleteFamilyMemberAction = defineAction(
  { name: 'deleteFamilyMember', can: 'profile.manage', schema: ZDeleteById },
  (actor, input) => deleteOwned(actor, 'family_member', input),
)
export const saveKeyDateAction = serve('profile.manage', ZKeyDate, { saveKeyDate })
export const deleteKeyDateAction = defineAction(
  { name: 'deleteKeyDate', can: 'profile.manage', schema: ZDeleteById },
  (actor, input) => deleteOwned(actor, 'key_date', input),
)
export const inviteDelegateAction = defineAction(
  { name: 'inviteDelegate', can: 'profile.manage', schema: ZInviteDelegate },
  async (actor, input) => ({ id: (await inviteDelegate(actor, input)).id }),
)
export const revokeDelegateAction = serve('profile.manage', ZDeleteById, { revokeDelegate })
