import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { can } from '@/lib/auth/policy'
import { requirePageActor } from '@/lib/next/guards'
import { auditFilterOptions, listAudit } from '@/lib/audit/queries'
import { AUDIT_FAMILIES, auditDetails, auditSentenceKey, auditValues, type AuditDetail } from '@/lib/audit/sentences'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import { parsePeriod } from '@/lib/kpi/period'

export const dynamic = 'force-dynamic'

type Search = { actor?: string; client?: string; action?: string; from?: string; to?: string }

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('audit.read')
  const t = await getTranslations()
  const ta = await getTranslations('audit')
  const locale = (await getLocale()) as FriendlyLocale
  const sp = await searchParams
  const { fromDay, toDay, period } = parsePeriod(sp.from, sp.to, actor.timeZone)
  const filters = {
    actor: sp.actor || undefined,
    client: sp.client || undefined,
    action: sp.action?.slice(0, 60) || undefined,
    from: period.from,
    to: period.to,
  }
  const [rows, options] = await Promise.all([listAudit(actor, filters), auditFilterOptions(actor)])
  const qs = new URLSearchParams({
    from: fromDay,
    to: toDay,
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.client ? { client: filters.client } : {}),
    ...(filters.action ? { action: filters.action } : {}),
  })
  // Only staff who serve requests can open them; for the others the names stay plain text.
  const links = can(actor, 'request.serve')
  const words = { system: ta('system'), someone: ta('someone'), aClient: ta('aClient'), aRequest: ta('aRequest') }
  const detailValue = (d: AuditDetail) =>
    d.as === 'status'
      ? t(`statuses.${d.value}` as 'statuses.NEW')
      : d.as === 'role'
        ? t(`admin.roles.${d.value}` as 'admin.roles.BUTLER')
        : d.as === 'scope'
          ? t(`team.scopes.${d.value}` as 'team.scopes.both')
          : String(d.value)
  const field = 'rounded-lg border border-line bg-white px-2 py-1.5 text-sm'
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t('supervisor.audit')}</h1>
      <p className="mb-1 text-sm text-ink-soft">{ta('immutable')}</p>
      <p className="mb-4 text-sm text-ink-soft">{ta('readsRecorded')}</p>
      <form method="get" className="mb-4 flex flex-wrap items-center gap-2">
        <select name="actor" defaultValue={sp.actor ?? ''} aria-label={ta('actor')} className={field}>
          <option value="">{ta('anyActor')}</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <select name="client" defaultValue={sp.client ?? ''} aria-label={t('console.client')} className={field}>
          <option value="">{ta('anyClient')}</option>
          {options.clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </select>
        <select name="action" defaultValue={sp.action ?? ''} aria-label={ta('action')} className={field}>
          <option value="">{ta('anyKind')}</option>
          {AUDIT_FAMILIES.map((f) => (
            <option key={f} value={f}>
              {ta(`families.${f}`)}
            </option>
          ))}
        </select>
        <input type="date" name="from" defaultValue={fromDay} aria-label={t('kpi.from')} className={field} />
        <input type="date" name="to" defaultValue={toDay} aria-label={t('kpi.to')} className={field} />
        <button className="rounded-lg bg-ink px-3 py-1.5 text-sm text-ivory">{t('console.filter')}</button>
        <a href={`/api/export/audit?${qs}`} className="text-sm text-gold underline underline-offset-2">
          {ta('export')}
        </a>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-2xl border border-line bg-white p-6 text-sm text-ink-soft">{ta('noEntries')}</p>
      ) : (
        <ol className="divide-y divide-line rounded-2xl border border-line bg-white" data-testid="audit">
          {rows.map((r) => {
            const values = auditValues(r, words)
            const details = auditDetails(r)
            const linkTo = (href: string | null) =>
              function AuditLink(chunks: ReactNode) {
                return href && links ? (
                  <Link href={href} className="font-medium text-ink underline underline-offset-2">
                    {chunks}
                  </Link>
                ) : (
                  <span className="font-medium">{chunks}</span>
                )
              }
            return (
              <li key={r.id} className="flex gap-4 px-4 py-3 text-sm" data-testid="audit-entry">
                <time dateTime={r.at} className="w-32 shrink-0 whitespace-nowrap text-ink-soft tabular-nums">
                  {formatWhen(r.at, { timeZone: actor.timeZone, locale })}
                </time>
                <div className="min-w-0 flex-1">
                  <p>
                    {ta.rich(auditSentenceKey(r.action) as 'events.other', {
                      actor: values.actor,
                      subject: values.subject,
                      field: values.field,
                      count: values.count,
                      own: values.own,
                      status: values.status ? t(`statuses.${values.status}` as 'statuses.NEW') : '',
                      client: linkTo(r.clientId ? `/console/clients/${r.clientId}` : null),
                      request: linkTo(r.requestId ? `/console/requests/${r.requestId}` : null),
                      clientName: values.client,
                      requestName: values.request,
                    })}
                  </p>
                  {details.length > 0 && (
                    <details className="mt-1 text-xs text-ink-soft">
                      <summary className="cursor-pointer select-none">{ta('details')}</summary>
                      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
                        {details.map((d) => (
                          <div key={d.field} className="contents">
                            <dt>{ta(`fields.${d.field}` as 'fields.from')}</dt>
                            <dd className="text-ink">{detailValue(d)}</dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  )}
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </>
  )
}
