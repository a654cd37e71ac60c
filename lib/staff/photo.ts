import 'server-only'
import { randomUUID } from 'node:crypto'
import { assertCan, can, STAFF_ROLES } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { staffPhotoScope } from '../auth/scope'
import { detectType } from '../attachments/service'
import { recordAudit } from '../audit/record'
import { db } from '../db'
import { AppError } from '../errors'
import { staffPhotoUrl } from './photo-url'

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
// Decided by the file's own first bytes, not its name or the browser's claim.
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp'])
// Four times the largest avatar (56 px) at 3x is well under this; anything bigger is wasted on a phone.
const SIDE = 512
// A 5 MB file can still unpack into a gigantic bitmap; 50 megapixels is a phone camera's ceiling.
const MAX_PIXELS = 50_000_000

// The photo as it is kept: turned upright, cropped square from the middle (as the preview showed
// it), 512 px WebP, and stripped of everything but pixels (a phone photo's EXIF says where it was
// taken).
async function portraitOf(file: File) {
  if (file.size === 0) throw new AppError('INVALID_INPUT', 'errors.fileRequired').forField('photo')
  if (file.size > MAX_PHOTO_BYTES) throw new AppError('INVALID_INPUT', 'errors.photoTooLarge').forField('photo')
  const original = Buffer.from(await file.arrayBuffer())
  const type = detectType(original)
  if (!type || !ACCEPTED.has(type)) throw new AppError('INVALID_INPUT', 'errors.photoType').forField('photo')
  // Loaded on the first upload only: every page reads photos, few ever write one.
  const { default: sharp } = await import('sharp')
  try {
    return await sharp(original, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize(SIDE, SIDE, { fit: 'cover', position: 'centre' })
      .webp({ quality: 82 })
      .toBuffer()
  } catch {
    // Right first bytes, but not a picture that decodes (cut short, or a disguised file).
    throw new AppError('INVALID_INPUT', 'errors.photoUnreadable').forField('photo')
  }
}

// Staff change their own photo; an administrator may change anyone's on the team. Clients have none.
async function photoOwner(actor: Actor, userId: string) {
  assertCan(actor, 'photo.own')
  if (userId !== actor.userId) assertCan(actor, 'system.configure')
  const user = await db.user.findFirst({
    where: { id: userId, role: { in: [...STAFF_ROLES] } },
    select: { id: true },
  })
  if (!user) throw new AppError('NOT_FOUND', 'errors.notFound')
  return user.id
}

export async function setStaffPhoto(actor: Actor, userId: string, file: File) {
  const owner = await photoOwner(actor, userId)
  const content = await portraitOf(file)
  const storageKey = randomUUID()
  const fields = { storageKey, mimeType: 'image/webp', sizeBytes: content.length, content, updatedAt: new Date() }
  await db.$transaction(async (tx) => {
    await tx.staffPhoto.upsert({ where: { userId: owner }, create: { userId: owner, ...fields }, update: fields })
    await recordAudit(tx, actor.userId, 'staff.photo_set', 'User', owner, {
      data: { own: owner === actor.userId, sizeBytes: content.length },
    })
  })
  return { photoUrl: staffPhotoUrl(owner, { storageKey }) }
}

export async function removeStaffPhoto(actor: Actor, userId: string) {
  const owner = await photoOwner(actor, userId)
  return db.$transaction(async (tx) => {
    const { count } = await tx.staffPhoto.deleteMany({ where: { userId: owner } })
    if (count > 0)
      await recordAudit(tx, actor.userId, 'staff.photo_removed', 'User', owner, {
        data: { own: owner === actor.userId },
      })
    return { removed: count > 0 }
  })
}

// The bytes, for whoever may see this staff member (staffPhotoScope); anyone else, and a guessed
// id, finds nothing, exactly as a staff member without a photo.
export async function readStaffPhoto(actor: Actor, userId: string) {
  return db.staffPhoto.findFirst({
    where: { userId, user: { role: { in: [...STAFF_ROLES] }, ...staffPhotoScope(actor) } },
    select: { storageKey: true, mimeType: true, content: true },
  })
}

// A colleague's name and photo, for the administrator changing it.
export async function staffPhotoSubject(actor: Actor, userId: string) {
  assertCan(actor, 'system.configure')
  const user = await db.user.findFirst({
    where: { id: userId, role: { in: [...STAFF_ROLES] } },
    select: { id: true, name: true, photo: { select: { storageKey: true } } },
  })
  return user ? { userId: user.id, name: user.name, photoUrl: staffPhotoUrl(user.id, user.photo) } : null
}

// The actor's own photo address, for the header and their account page: its key comes with the
// session (loadActor), so no page reads it again.
export function ownPhotoUrl(actor: Actor) {
  if (!can(actor, 'photo.own')) return null
  return staffPhotoUrl(actor.userId, actor.photoKey ? { storageKey: actor.photoKey } : null)
}
