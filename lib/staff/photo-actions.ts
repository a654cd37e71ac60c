'use server'

import { z } from 'zod'
import { defineAction, ZNoInput } from '../next/action'
import { removeStaffPhoto, setStaffPhoto } from './photo'

const ZPhoto = z.object({ photo: z.instanceof(File, { message: 'errors.fileRequired' }) })
const ZStaffMember = z.object({ userId: z.string().min(1).max(40) })

export const setMyPhotoAction = defineAction({ name: 'setMyPhoto', can: 'photo.own', schema: ZPhoto }, (actor, input) =>
  setStaffPhoto(actor, actor.userId, input.photo),
)
export const removeMyPhotoAction = defineAction(
  { name: 'removeMyPhoto', can: 'photo.own', schema: ZNoInput },
  (actor) => removeStaffPhoto(actor, actor.userId),
)
// An administrator putting a face to a colleague who cannot (or has not yet) done it themselves.
export const setStaffPhotoAction = defineAction(
  { name: 'setStaffPhoto', can: 'system.configure', schema: ZPhoto.extend(ZStaffMember.shape) },
  (actor, input) => setStaffPhoto(actor, input.userId, input.photo),
)
export const removeStaffPhotoAction = defineAction(
  { name: 'removeStaffPhoto', can: 'system.configure', schema: ZStaffMember },
  (actor, input) => removeStaffPhoto(actor, input.userId),
)
