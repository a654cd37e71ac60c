import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import { reviewsFor } from '@/lib/quality/service'
import { RUBRIC } from '@/lib/quality/schemas'

export const dynamic = 'force-dynamic'

// A butler's own quality scores and the supervisor's feedback.
export default async function PerformancePage() {
  const actor = await requirePageActor('performance.own')
  const t = await getTranslations()
  const locale = (await getLocale()) as FriendlyLocale
  const { average, reviews } = await reviewsFor(actor, actor.userId)
  return (
    <div className="mx-auto max-w-4xl">
      <Link href="/console" className="text-sm text-ink-soft hover:text-ink">
        ← {t('console.queue')}
      </Link>
      <h1 className="mt-2 text-xl font-semibold">{t('quality.myPerformance')}</h1>
      <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="qa-average">
        {average === null ? '—' : average.toFixed(2)}
      </p>
      <p className="text-xs text-ink-soft">{t('quality.reviews', { n: reviews.length })}</p>
      <ul className="mt-6 space-y-3" data-testid="qa-feedback">
        {reviews.map((r) => (
          <li key={r.id} className="rounded-2xl border border-line bg-white p-4 text-sm">
            <p className="font-medium">
              #{r.request.number} {r.request.title}
            </p>
            <p className="mt-1 flex flex-wrap gap-3 text-xs text-ink-soft">
              {RUBRIC.map((k) => (
                <span key={k}>
                  {t(`quality.rubric.${k}`)} {r[k]}
                </span>
              ))}
            </p>
            {r.comment && <p className="mt-2 whitespace-pre-wrap">“{r.comment}”</p>}
            <p className="mt-1 text-xs text-ink-soft">
              {r.reviewerName} · {formatWhen(r.scoredAt, { timeZone: actor.timeZone, locale })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}
