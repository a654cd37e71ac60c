import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import { riskQueue } from '@/lib/risk/service'
import { RiskDecisionForm } from '@/components/risk/decision-form'
import { RiskReasons } from '@/components/risk/reasons'

export const dynamic = 'force-dynamic'

export default async function RiskQueuePage() {
  const actor = await requirePageActor('team.lead')
  const t = await getTranslations()
  const when = { timeZone: actor.timeZone, locale: (await getLocale()) as FriendlyLocale }
  const queue = await riskQueue(actor)
  return (
    <>
      <h1 className="text-xl font-semibold">{t('risk.queueTitle')}</h1>
      <p className="mt-1 mb-4 max-w-3xl text-sm text-ink-soft">{t('risk.queueHint')}</p>
      {queue.length === 0 && <p className="text-sm text-ink-soft">{t('risk.queueEmpty')}</p>}
      <ul className="grid gap-4" data-testid="risk-queue">
        {queue.map((q) => (
          <li key={q.id} className="rounded-2xl border border-line bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/console/requests/${q.request.id}`} className="font-medium hover:underline">
                #{q.request.number} {q.request.title}
              </Link>
              <span className="text-xs text-ink-soft">
                {t('risk.flagged', { time: formatWhen(q.flaggedAt, when) })}
              </span>
            </div>
            <p className="text-sm text-ink-soft">
              {q.request.client.displayName} · {t(`categories.${q.request.category}`)} ·{' '}
              {t(`statuses.${q.request.status}`)} ·{' '}
              {q.request.assignee ? t('risk.assignee', { name: q.request.assignee.name }) : t('risk.unassigned')}
            </p>
            <RiskReasons reasons={q.reasons} />
            {q.request.vendorTasks.length > 0 && (
              <div className="mt-2 text-sm">
                <p className="text-xs text-ink-soft">{t('risk.heldSpend')}</p>
                <ul>
                  {q.request.vendorTasks.map((v) => (
                    <li key={v.id}>
                      {v.vendor.name}: {v.description} ·{' '}
                      {v.cost === null ? t('risk.noCost') : `${v.cost.toLocaleString()} ${v.currency}`}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <RiskDecisionForm reviewId={q.id} version={q.version} />
          </li>
        ))}
      </ul>
    </>
  )
}
