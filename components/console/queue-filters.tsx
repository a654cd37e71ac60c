import { getTranslations } from 'next-intl/server'
import { CATEGORIES } from '@/lib/requests/schemas'
import { OPEN_STATUSES } from '@/lib/requests/state-machine'

// A plain GET form: filters live in the URL, so they survive reloads and can be shared.
export async function QueueFilters({
  view,
  q,
  category,
  status,
}: {
  view: string
  q?: string
  category?: string
  status?: string
}) {
  const t = await getTranslations()
  const field = 'min-h-9 rounded-lg border border-line bg-white px-2 text-sm'
  return (
    <form method="get" action="/console" className="mb-3 flex flex-wrap items-center gap-2" role="search">
      <input type="hidden" name="view" value={view} />
      <label htmlFor="queue-search" className="sr-only">
        {t('console.search')}
      </label>
      <input
        id="queue-search"
        name="q"
        defaultValue={q}
        placeholder={t('console.searchPlaceholder')}
        className={`${field} w-72`}
      />
      <label htmlFor="queue-category" className="sr-only">
        {t('portal.category')}
      </label>
      <select id="queue-category" name="category" defaultValue={category ?? ''} className={field}>
        <option value="">{t('console.anyCategory')}</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`categories.${c}`)}
          </option>
        ))}
      </select>
      <label htmlFor="queue-status" className="sr-only">
        {t('console.status')}
      </label>
      <select id="queue-status" name="status" defaultValue={status ?? ''} className={field}>
        <option value="">{t('console.anyStatus')}</option>
        {OPEN_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="min-h-9 rounded-lg bg-ink px-3 text-sm text-ivory">
        {t('console.filter')}
      </button>
      {(q || category || status) && (
        <a href={`/console?view=${view}`} className="text-sm text-ink-soft hover:underline">
          {t('console.clearFilters')}
        </a>
      )}
    </form>
  )
}
