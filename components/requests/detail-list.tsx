import { getTranslations } from 'next-intl/server'
import { formatInZone } from '@/lib/i18n/format'
import type { RequestDetailDTO } from '@/lib/requests/queries'

// The category's own details, labelled in the viewer's language.
export async function DetailList({ request, timeZone }: { request: RequestDetailDTO; timeZone: string }) {
  const t = await getTranslations()
  const entries = Object.entries(request.details).filter(([, v]) => v !== undefined && v !== null && v !== '')
  if (entries.length === 0 && !request.wantedAt) return null
  return (
    <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 border-t border-line pt-3 text-sm">
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
          <dd className="font-medium">{formatInZone(request.wantedAt, timeZone)}</dd>
        </div>
      )}
    </dl>
  )
}
