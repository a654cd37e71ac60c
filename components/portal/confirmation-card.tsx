import { getLocale, getTranslations } from 'next-intl/server'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import type { ConfirmationDTO } from '@/lib/portal/confirmations'
import { FlowCard } from './flow-card'

// A booking the team confirmed with a vendor: what, when, the reference, and add-to-calendar.
export async function ConfirmationCard({ item, timeZone }: { item: ConfirmationDTO; timeZone: string }) {
  const t = await getTranslations('portal.flow')
  const locale = (await getLocale()) as FriendlyLocale
  return (
    <FlowCard label={t('confirmed')} tone="gold" testId="confirmation">
      <p className="font-medium">{item.description}</p>
      <p className="mt-0.5 text-ink-soft">{item.vendorName}</p>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2">
        {item.startsAt && (
          <div>
            <dt className="text-xs text-ink-soft">{t('when')}</dt>
            <dd className="font-medium">{formatWhen(item.startsAt, { timeZone, locale })}</dd>
          </div>
        )}
        {item.reference && (
          <div>
            <dt className="text-xs text-ink-soft">{t('reference')}</dt>
            <dd className="break-all font-medium">{item.reference}</dd>
          </div>
        )}
      </dl>
      {item.startsAt && (
        <a
          href={`/portal/confirmations/${item.id}/calendar`}
          download
          className="mt-3 inline-flex min-h-11 items-center gap-2 rounded-xl border border-line bg-white px-4 font-medium text-ink hover:border-gold"
          data-testid="add-to-calendar"
        >
          <span aria-hidden>＋</span>
          {t('addToCalendar')}
        </a>
      )}
    </FlowCard>
  )
}
