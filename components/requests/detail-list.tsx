import { getLocale, getTranslations } from 'next-intl/server'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import type { RequestDetailDTO } from '@/lib/requests/queries'

// The category's own details, labelled in the viewer's language.
export async function DetailList({
  request,
  timeZone,
  bare = false,
}: {
  request: RequestDetailDTO
  timeZone: string
  // Without the rule and margin above it, when it is a card of its own.
  bare?: boolean
}) {
  const t = await getTranslations()
  const locale = (await getLocale()) as FriendlyLocale
  const entries = Object.entries(request.details).filter(([, v]) => v !== undefined && v !== null && v !== '')
  if (entries.length === 0 && !request.wantedAt) return null
  return (
    <dl className={`grid grid-cols-2 gap-x-4 gap-y-2 text-sm ${bare ? '' : 'mt-3 border-t border-line pt-3'}`}>
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt className="text-xs text-ink-soft">{t.has(`fields.${k}`) ? t(`fields.${k}` as 'fields.service') : k}</dt>
          <dd className="font-medium">
            {k === 'service' && t.has(`services.${v}`)
              ? t(`services.${v}` as 'services.HOTEL')
              : Array.isArray(v)
                ? v.join('、')
                : String(v)}
          </dd>
        </div>
      ))}
      {request.wantedAt && (
        <div>
          <dt className="text-xs text-ink-soft">{t('console.wantedAt')}</dt>
          <dd className="font-medium">{formatWhen(request.wantedAt, { timeZone, locale })}</dd>
        </div>
      )}
    </dl>
  )
}
