import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { auditFilterOptions, listAudit } from '@/lib/audit/queries'
import { formatInZone } from '@/lib/i18n/format'
import { parsePeriod } from '@/lib/kpi/period'

export const dynamic = 'force-dynamic'

type Search = { actor?: string; client?: string; action?: string; from?: string; to?: string }

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('audit.read')
  const t = await getTranslations()
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
  const field = 'rounded-lg border border-line bg-white px-2 py-1 text-sm'
  const th = 'border-b border-line px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-ink-soft'
  const td = 'border-b border-line px-2 py-1.5 align-top'
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t('supervisor.audit')}</h1>
      <p className="mb-1 text-sm text-ink-soft">{t('audit.immutable')}</p>
      <p className="mb-4 text-sm text-ink-soft">{t('audit.readsRecorded')}</p>
      <form method="get" className="mb-4 flex flex-wrap items-center gap-2">
        <select name="actor" defaultValue={sp.actor ?? ''} aria-label={t('audit.actor')} className={field}>
          <option value="">{t('audit.anyActor')}</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <select name="client" defaultValue={sp.client ?? ''} aria-label={t('console.client')} className={field}>
          <option value="">{t('audit.anyClient')}</option>
          {options.clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </select>
        <input
          name="action"
          defaultValue={sp.action}
          placeholder={t('audit.action')}
          aria-label={t('audit.action')}
          className={field}
        />
        <input type="date" name="from" defaultValue={fromDay} aria-label={t('kpi.from')} className={field} />
        <input type="date" name="to" defaultValue={toDay} aria-label={t('kpi.to')} className={field} />
        <button className="rounded-lg bg-ink px-3 py-1 text-sm text-ivory">{t('console.filter')}</button>
        <a href={`/api/export/audit?${qs}`} className="text-sm text-gold hover:underline">
          {t('audit.export')}
        </a>
      </form>
      <table className="w-full border-separate border-spacing-0 rounded-2xl bg-white text-sm" data-testid="audit">
        <thead>
          <tr>
            <th className={th}>{t('audit.when')}</th>
            <th className={th}>{t('audit.actor')}</th>
            <th className={th}>{t('audit.action')}</th>
            <th className={th}>{t('console.client')}</th>
            <th className={th}>{t('audit.entity')}</th>
            <th className={th}>{t('audit.data')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className={`${td} whitespace-nowrap tabular-nums`}>
                {formatInZone(r.at, actor.timeZone, 'yyyy-MM-dd HH:mm:ss')}
              </td>
              <td className={td}>{r.actorName}</td>
              <td className={`${td} font-mono text-xs`}>{r.action}</td>
              <td className={td}>{r.clientName}</td>
              <td className={`${td} text-xs text-ink-soft`}>
                {r.entity} {r.entityId.slice(0, 10)}
              </td>
              <td className={`${td} max-w-md break-all font-mono text-xs text-ink-soft`}>
                {r.data === '{}' ? '' : r.data}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
