import { defineRoute } from '@/lib/next/route'
import { confirmationCalendar } from '@/lib/portal/confirmations'
import { AppError } from '@/lib/errors'

export const dynamic = 'force-dynamic'

// Add to calendar: one confirmed booking of the client's own requests as an .ics file.
export const GET = defineRoute<{ id: string }>(
  { name: 'portal.confirmation_calendar', can: 'portal.use' },
  async (actor, _request, { params }) => {
    const { id } = await params
    const file = await confirmationCalendar(actor, id)
    if (!file) throw new AppError('NOT_FOUND', 'errors.notFound')
    return new Response(file.body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Cache-Control': 'private, no-store',
      },
    })
  },
)
