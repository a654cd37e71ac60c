import { getLocale, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { env } from '@/lib/env'
import { saveWecomSettingsAction } from '@/lib/channels/actions'
import { wecomSettingsView } from '@/lib/channels/wecom/admin'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import { RowForm } from '@/components/ui/row-form'

export const dynamic = 'force-dynamic'

export default async function ChannelsPage() {
  const actor = await requirePageActor('system.configure')
  const t = await getTranslations('channels.admin')
  const when = { timeZone: actor.timeZone, locale: (await getLocale()) as FriendlyLocale }
  const s = await wecomSettingsView(actor)
  // Secrets are never sent back to the browser: the field says whether one is stored.
  const secretLabel = (label: string, isSet: boolean) =>
    `${label} (${isSet ? `${t('set')} · ${t('replace')}` : t('notSet')})`
  return (
    <>
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="mb-1 text-sm text-ink-soft">{t('hint')}</p>
      <p className="mb-4 text-sm">
        {t('callback')}:{' '}
        <code className="rounded bg-ivory px-1.5 py-0.5">
          {new URL('/api/channels/wecom', env().APP_URL).toString()}
        </code>
        {s.updatedAt && (
          <span className="ml-3 text-xs text-ink-soft">{t('updated', { time: formatWhen(s.updatedAt, when) })}</span>
        )}
      </p>
      <div className="rounded-2xl border border-line bg-white px-4" data-testid="wecom-settings">
        <RowForm
          action={saveWecomSettingsAction}
          hidden={{}}
          submitLabel={t('save')}
          fields={[
            { name: 'apiBase', label: t('apiBase'), kind: 'text', value: s.apiBase, width: 'w-64' },
            { name: 'corpId', label: t('corpId'), kind: 'text', value: s.corpId, width: 'w-48' },
            { name: 'openKfId', label: t('openKfId'), kind: 'text', value: s.openKfId, width: 'w-56' },
            { name: 'secret', label: secretLabel(t('secret'), s.secretSet), kind: 'password', width: 'w-56' },
            { name: 'token', label: secretLabel(t('token'), s.tokenSet), kind: 'password', width: 'w-48' },
            { name: 'aesKey', label: secretLabel(t('aesKey'), s.aesKeySet), kind: 'password', width: 'w-80' },
          ]}
        />
      </div>
    </>
  )
}
