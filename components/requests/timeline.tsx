import { getLocale, getTranslations } from 'next-intl/server'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import type { TimelineEntryDTO } from '@/lib/requests/queries'

export async function Timeline({ entries, timeZone }: { entries: TimelineEntryDTO[]; timeZone: string }) {
  const t = await getTranslations()
  const locale = (await getLocale()) as FriendlyLocale
  if (entries.length === 0) return null
  return (
    <ol
      className="relative ml-2 space-y-3 border-l border-line pl-4 text-sm"
      aria-label={t('timeline.title')}
      data-testid="timeline"
    >
      {entries.map((e) => (
        <li key={e.id} className="relative">
          <span aria-hidden className="absolute -left-[21px] top-1.5 size-2.5 rounded-full bg-gold" />
          <p>
            {e.action === 'request.status_changed' && e.status
              ? t('timeline.status', { status: t(`statuses.${e.status}`) })
              : t(`timeline.${e.action.replace('.', '_')}` as 'timeline.request_created')}
          </p>
          <p className="text-xs text-ink-soft">
            <time dateTime={e.at}>{formatWhen(e.at, { timeZone, locale })}</time>
          </p>
        </li>
      ))}
    </ol>
  )
}
