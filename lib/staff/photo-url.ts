// Where a page finds a staff member's photo: the version (new with every upload) is part of the
// address, so a browser may keep the bytes for good and a replaced photo is a new address.
// No photo, no address: the avatar shows initials.
export function staffPhotoUrl(userId: string, photo: { storageKey: string } | null | undefined): string | null {
  return photo ? `/api/staff/${encodeURIComponent(userId)}/photo?v=${encodeURIComponent(photo.storageKey)}` : null
}

// What a loader selects on a user to build that address (the key only, never the bytes).
export const PHOTO_KEY = { id: true, photo: { select: { storageKey: true } } } as const
