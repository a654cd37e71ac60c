import { getTranslations } from 'next-intl/server'
import { CATEGORIES } from '@/lib/requests/schemas'
import { OPEN_STATUSES } from '@/lib/requests/state-machine'
import { CompactSubmit } from '@/components/forms/compact-fields'
import { InlineInput, InlineSelect } from '@/components/forms/inline-fields'

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
  return (
    <form method="get" action="/console" className="mb-3 flex flex-wrap items-center gap-2" role="search">
      <input type="hidden" name="view" value={view} />
      <InlineInput
        id="queue-search"
        name="q"
        label={t('console.search')}
        hideLabel
        defaultValue={q}
        placeholder={t('console.searchPlaceholder')}
        className="w-72"
      />
      <InlineSelect
        id="queue-category"
        name="category"
        label={t('portal.category')}
        hideLabel
        defaultValue={category ?? ''}
      >
        <option value="">{t('console.anyCategory')}</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`categories.${c}`)}
          </option>
        ))}
      </InlineSelect>
      <InlineSelect id="queue-status" name="status" label={t('console.status')} hideLabel defaultValue={status ?? ''}>
        <option value="">{t('console.anyStatus')}</option>
        {OPEN_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </InlineSelect>
      <CompactSubmit fit="row">{t('console.filter')}</CompactSubmit>
      {(q || category || status) && (
        <a href={`/console?view=${view}`} className="text-sm text-ink-soft hover:underline">
          {t('console.clearFilters')}
        </a>
      )}
    </form>
  )
}
