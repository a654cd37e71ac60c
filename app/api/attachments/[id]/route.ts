import { defineRoute } from '@/lib/next/route'
import { readAttachment } from '@/lib/attachments/service'
import { AppError } from '@/lib/errors'

export const dynamic = 'force-dynamic'

export const GET = defineRoute<{ id: string }>(
  { name: 'attachments.read', can: 'account.use' },
  async (actor, _request, { params }) => {
    const { id } = await params
    const file = await readAttachment(actor, id)
    if (!file) throw new AppError('NOT_FOUND', 'errors.notFound')
    return new Response(new Uint8Array(file.content), {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
)
