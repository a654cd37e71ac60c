import { defineRoute } from '@/lib/next/route'
import { collectOwnData } from '@/lib/privacy/export'
import { zipFiles } from '@/lib/privacy/zip'

export const dynamic = 'force-dynamic'

// "Download my data": the client's own profile and requests as a ZIP of JSON files and
// attachments. profile.manage is the client alone; the query finds only their own profile.
export const GET = defineRoute({ name: 'portal.export', can: 'profile.manage' }, async (actor) => {
  const zip = zipFiles(await collectOwnData(actor))
  const day = new Date().toISOString().slice(0, 10)
  return new Response(new Uint8Array(zip), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="my-data-${day}.zip"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
})
