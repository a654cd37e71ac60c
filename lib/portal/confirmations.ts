import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'
import { assertCan } from '../auth/policy'
import { requestScope } from '../auth/scope'

export type ConfirmationDTO = {
  id: string
  vendorName: string
  description: string
  reference: string | null
  // When it happens: the booking's own time, else the time the client asked for.
  startsAt: string | null
  createdAt: string
}

const SELECT = {
  id: true,
  description: true,
  confirmationRef: true,
  dueAt: true,
  createdAt: true,
  vendor: { select: { name: true } },
  request: { select: { title: true, wantedAt: true } },
} as const

// What the client sees of the team's bookings: confirmed ones only, never costs or approvals.
function clientConfirmations(actor: Actor, where: { requestId?: string; id?: string }) {
  assertCan(actor, 'portal.use')
  return db.vendorTask.findMany({
    where: { ...where, status: { in: ['CONFIRMED', 'DONE'] }, request: requestScope(actor) },
    orderBy: { createdAt: 'asc' },
    select: SELECT,
  })
}

export async function confirmationsFor(actor: Actor, requestId: string): Promise<ConfirmationDTO[]> {
  const rows = await clientConfirmations(actor, { requestId })
  return rows.map((t) => ({
    id: t.id,
    vendorName: t.vendor.name,
    description: t.description,
    reference: t.confirmationRef,
    startsAt: (t.dueAt ?? t.request.wantedAt)?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
  }))
}

// iCalendar text: commas, semicolons and backslashes escaped, new lines as \n (RFC 5545 3.3.11).
const text = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n')
const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/** One confirmed booking as an .ics event (an hour long), or null if it is not the client's or has no time. */
export async function confirmationCalendar(actor: Actor, id: string, now = new Date()) {
  const [t] = await clientConfirmations(actor, { id })
  const start = t?.dueAt ?? t?.request.wantedAt
  if (!t || !start) return null
  const end = new Date(start.getTime() + 60 * 60 * 1000)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Diamond Butler//Confirmations//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${t.id}@diamond-butler`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${text(`${t.description} · ${t.vendor.name}`)}`,
    `DESCRIPTION:${text([t.request.title, t.confirmationRef].filter(Boolean).join('\n'))}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return { fileName: `${t.vendor.name}.ics`, body: `${lines.join('\r\n')}\r\n` }
}
