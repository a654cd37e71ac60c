import { notFound } from 'next/navigation'
import { env } from '@/lib/env'
import { formatInZone } from '@/lib/i18n/format'
import { listDevMail } from '@/lib/notifications/outbox'

export const dynamic = 'force-dynamic'

// Development only, and only when no SMTP server is configured: mail that would have been
// sent, readable here. In production this page does not exist.
export default async function DevMailPage() {
  if (env().NODE_ENV === 'production' || env().SMTP_URL) notFound()
  const mails = await listDevMail()
  return (
    <main className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="text-xl font-semibold">Dev mail (not sent)</h1>
      <ul className="mt-4 space-y-3">
        {mails.map((m) => (
          <li key={m.id} className="rounded-2xl border border-line bg-white p-4 text-sm">
            <p className="text-xs text-ink-soft">
              {formatInZone(m.createdAt, 'UTC')} UTC · to {m.toEmail} · {m.status}
            </p>
            <p className="mt-1 font-medium">{m.subject}</p>
            <pre className="mt-2 whitespace-pre-wrap font-sans">{m.body}</pre>
          </li>
        ))}
      </ul>
    </main>
  )
}
