import { getLocale, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { formatDay, type FriendlyLocale } from '@/lib/i18n/friendly'
import { listClientsForErasure } from '@/lib/privacy/erasure'
import { EraseForm } from '@/components/privacy/erase-form'

export const dynamic = 'force-dynamic'

export default async function ErasurePage() {
  const actor = await requirePageActor('privacy.erase')
  const t = await getTranslations('privacy')
  const when = { timeZone: actor.timeZone, locale: (await getLocale()) as FriendlyLocale }
  const clients = await listClientsForErasure(actor)
  return (
    <>
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="mt-1 mb-4 max-w-3xl text-sm text-ink-soft">{t('hint')}</p>
      {clients.length === 0 && <p className="text-sm text-ink-soft">{t('empty')}</p>}
      <ul className="rounded-2xl border border-line bg-white px-4" data-testid="erasure">
        {clients.map((c) => (
          <li key={c.id} className="flex flex-wrap items-start justify-between gap-3 border-b border-line py-2">
            <div>
              <p className="font-medium">{c.displayName}</p>
              <p className="text-xs text-ink-soft">
                {t('requests', { count: c._count.requests })}
                {c.user.disabledAt && !c.erasedAt && ` · ${t('accountDisabled')}`}
              </p>
            </div>
            {c.erasedAt ? (
              <span className="text-sm text-ink-soft">{t('erasedOn', { date: formatDay(c.erasedAt, when) })}</span>
            ) : (
              <EraseForm clientId={c.id} name={c.displayName} />
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
