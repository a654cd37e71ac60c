import { getLocale, getTranslations } from 'next-intl/server'
import type { Actor } from '@/lib/auth/roles'
import { bindChannelContactAction } from '@/lib/channels/actions'
import { clientChannels, unboundContacts } from '@/lib/channels/queries'
import { formatDay, formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import { RowForm } from '@/components/ui/row-form'

// Client 360: is this client reachable on WeChat, and if not, bind a contact waiting in the queue.
export async function ClientWechatCard({ actor, clientId }: { actor: Actor; clientId: string }) {
  const links = await clientChannels(actor, clientId)
  if (!links) return null
  const t = await getTranslations('channels')
  const when = { timeZone: actor.timeZone, locale: (await getLocale()) as FriendlyLocale }
  const wechat = links.find((l) => l.channel === 'WECOM')
  const waiting = wechat ? [] : await unboundContacts(actor, 50)
  const preview = (c: (typeof waiting)[number]) =>
    !c.latest
      ? ''
      : c.latest.kind === 'text'
        ? (c.latest.text ?? '').slice(0, 30)
        : c.latest.kind === 'image'
          ? t('queue.image')
          : t('queue.other', { type: c.latest.text ?? '' })
  return (
    <section className="rounded-2xl border border-line bg-white p-4" data-testid="client-wechat">
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-ink-soft">{t('client.title')}</h2>
      {wechat ? (
        <p className="text-sm">
          {t('client.connected', {
            date: wechat.boundAt ? formatDay(wechat.boundAt, when) : '—',
          })}
          <span className="text-ink-soft"> · {wechat.byStaff ? t('client.byStaff') : t('client.byCode')}</span>
        </p>
      ) : (
        <>
          <p className="text-sm text-ink-soft">{t('client.none')}</p>
          {waiting.length > 0 && (
            <>
              <p className="mt-2 text-xs text-ink-soft">{t('client.bindHint')}</p>
              <RowForm
                action={bindChannelContactAction}
                hidden={{ clientId }}
                submitLabel={t('client.bind')}
                fields={[
                  {
                    name: 'contactId',
                    label: t('client.contact'),
                    kind: 'select',
                    value: waiting[0].id,
                    options: waiting.map((c) => ({
                      value: c.id,
                      label: `${c.label} · ${formatWhen(c.lastSeenAt, when)} · ${preview(c)}`,
                    })),
                  },
                ]}
              />
            </>
          )}
        </>
      )}
    </section>
  )
}
