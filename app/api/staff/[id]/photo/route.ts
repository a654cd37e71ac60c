import { defineRoute } from '@/lib/next/route'
import { readStaffPhoto } from '@/lib/staff/photo'
import { AppError } from '@/lib/errors'

export const dynamic = 'force-dynamic'

// A staff member's photo, for those who may see them (lib/auth/scope.ts staffPhotoScope). Anyone
// else gets the same 404 as for a stranger's id, so the answer never tells that the person exists.
// The pages' addresses carry the photo's version (?v=), so those answers are kept by the browser
// for good; any other address is checked again each time (ETag).
export const GET = defineRoute<{ id: string }>(
  { name: 'staff.photo', can: 'account.use' },
  async (actor, request, { params }) => {
    const { id } = await params
    const photo = await readStaffPhoto(actor, id)
    if (!photo) throw new AppError('NOT_FOUND', 'errors.notFound')
    const etag = `"${photo.storageKey}"`
    const versioned = new URL(request.url).searchParams.get('v') === photo.storageKey
    const headers = {
      'Content-Type': photo.mimeType,
      ETag: etag,
      // Private: only this signed-in browser keeps it, never a shared cache.
      'Cache-Control': versioned ? 'private, max-age=31536000, immutable' : 'private, no-cache',
      'X-Content-Type-Options': 'nosniff',
    }
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers })
    return new Response(new Uint8Array(photo.content), { headers })
  },
)
