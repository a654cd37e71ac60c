import { routeActor } from '@/lib/next/guards'
import { readAttachment } from '@/lib/attachments/service'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await routeActor('account.use')
  if (actor instanceof Response) return actor
  const { id } = await params
  const file = await readAttachment(actor, id)
  if (!file) return new Response('Not found', { status: 404 })
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
