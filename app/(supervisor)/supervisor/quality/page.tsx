import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { sampleNowAction, scoreReviewAction } from '@/lib/quality/actions'
import { qaQueue, reviewsFor } from '@/lib/quality/service'
import { RUBRIC } from '@/lib/quality/schemas'
import { listStaff } from '@/lib/staff/queries'
import { RowForm } from '@/components/ui/row-form'

export const dynamic = 'force-dynamic'

export default async function QualityPage() {
  const actor = await requirePageActor('team.lead')
  const t = await getTranslations()
  const [queue, staff] = await Promise.all([qaQueue(actor), listStaff(actor)])
  const butlers = staff.filter((s) => s.role === 'BUTLER')
  const averages = await Promise.all(butlers.map(async (b) => ({ ...b, ...(await reviewsFor(actor, b.id)) })))
  const scoreOptions = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n}` }))
  return (
    <>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-xl font-semibold">
          {t('quality.queue')} <span className="text-ink-soft">({queue.length})</span>
        </h1>
        <RowForm action={sampleNowAction} hidden={{}} fields={[]} submitLabel={t('quality.sampleNow')} />
      </div>
      <p className="mb-3 text-sm text-ink-soft">{t('quality.explain')}</p>
      <div className="rounded-2xl border border-line bg-white px-4" data-testid="qa-queue">
        {queue.length === 0 && <p className="py-4 text-sm text-ink-soft">{t('common.empty')}</p>}
        {queue.map((r) => (
          <div key={r.id} className="py-2" data-testid="qa-item">
            <p className="text-sm">
              <Link href={`/console/requests/${r.requestId}`} className="font-medium hover:underline">
                #{r.number} {r.title}
              </Link>
              <span className="ml-2 text-xs text-ink-soft">
                {r.butlerName} · {t(`categories.${r.category}`)} · {t('quality.week')} {r.weekStart}
                {r.rating ? ` · ★${r.rating}` : ''}
              </span>
            </p>
            <RowForm
              action={scoreReviewAction}
              hidden={{ reviewId: r.id }}
              submitLabel={t('quality.score')}
              fields={[
                ...RUBRIC.map((k) => ({
                  name: k,
                  label: t(`quality.rubric.${k}`),
                  kind: 'select' as const,
                  value: '',
                  options: [{ value: '', label: t(`quality.rubric.${k}`) }, ...scoreOptions],
                })),
                { name: 'comment', label: t('quality.feedback'), kind: 'textarea' as const },
              ]}
            />
          </div>
        ))}
      </div>
      <h2 className="mb-3 mt-8 text-lg font-medium">{t('quality.byButler')}</h2>
      <ul className="grid gap-3 md:grid-cols-3">
        {averages.map((b) => (
          <li key={b.id} className="rounded-2xl border border-line bg-white p-4 text-sm">
            <p className="font-medium">{b.name}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums">
              {b.average === null ? '—' : b.average.toFixed(2)}
            </p>
            <p className="text-xs text-ink-soft">{t('quality.reviews', { n: b.reviews.length })}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
