import { getLocale, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { bindChannelContactAction } from '@/lib/channels/actions'
import { bindableClients, unboundContacts } from '@/lib/channels/queries'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import { RowForm } from '@/components/ui/row-form'
import { SettingsRow } from '@/components/ui/list'

export const dynamic = 'force-dynamic'

// WeChat users bound to no client: their messages wait here until someone binds them.
export default async function WechatQueuePage() {
  const actor = await requirePageActor('team.lead')
  const t = await getTranslations('channels.queue')
  const when = { timeZone: actor.timeZone, locale: (await getLocale()) as FriendlyLocale }
  const [contacts, clients] = await Promise.all([unboundContacts(actor), bindableClients(actor)])
  const options = [{ value: '', label: t('client') }, ...clients.map((c) => ({ value: c.id, label: c.name }))]
  return (
    <>
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="mb-4 text-sm text-ink-soft">{t('hint')}</p>
      <section className="rounded-2xl border border-line bg-white px-4 py-3">
        {contacts.length === 0 && <p className="text-sm text-ink-soft">{t('empty')}</p>}
        {contacts.map((c) => (
          <SettingsRow key={c.id} testId="unbound-contact">
            <div className="min-w-0 flex-1 text-sm">
              <p>
                <span className="font-mono">{c.label}</span>
                <span className="ml-2 text-xs text-ink-soft">
                  {formatWhen(c.lastSeenAt, when)} · {t('held', { n: c.held })}
                </span>
              </p>
              {c.latest && (
                <p className="truncate text-ink-soft">
                  {c.latest.kind === 'text'
                    ? c.latest.text
                    : c.latest.kind === 'image'
                      ? t('image')
                      : t('other', { type: c.latest.text ?? '' })}
                </p>
              )}
            </div>
            <RowForm
              action={bindChannelContactAction}
              hidden={{ contactId: c.id }}
              submitLabel={t('bind')}
              fields={[{ name: 'clientId', label: t('client'), kind: 'select', value: '', options }]}
            />
          </SettingsRow>
        ))}
      </section>
    </>
  )
}
