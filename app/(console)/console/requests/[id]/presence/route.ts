import { defineRoute } from '@/lib/next/route'
import { beatOnRequest, type RequestBeat } from '@/lib/presence/request-views'

const BEATS: readonly RequestBeat[] = ['viewing', 'replying', 'leaving']

// The request page's beat (`?beat=viewing|replying|leaving`): answers who else has it open.
export const POST = defineRoute<{ id: string }>(
  { name: 'requestPresence', can: 'request.serve' },
  async (actor, request, { params }) => {
    const { id } = await params
    const asked = new URL(request.url).searchParams.get('beat') ?? 'viewing'
    const beat = (BEATS as readonly string[]).includes(asked) ? (asked as RequestBeat) : 'viewing'
    return Response.json({ watchers: await beatOnRequest(actor, id.slice(0, 40), beat) })
  },
)
