import { defineRoute } from '@/lib/next/route'
import { readStaffPhoto } from '@/lib/staff/photo'

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
    // Said here rather than thrown, so the refusal is not kept either: this path is left out of
    // the no-store rule for /api in next.config.ts, and a photo may be added or allowed later.
    if (!photo)
      return Response.json(
        { error: 'NOT_FOUND', message: 'errors.notFound' },
        { status: 404, headers: { 'Cache-Control': 'private, no-store' } },
      )
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
