import { getLocale, getTranslations } from 'next-intl/server'
import type { Actor } from '@/lib/auth/roles'
import { CODE_TTL_MINUTES } from '@/lib/channels/binding'
import { ownChannels } from '@/lib/channels/queries'
import { formatDay, type FriendlyLocale } from '@/lib/i18n/friendly'
import { BindingCodeButton } from './binding-code-button'

// Portal profile: the client connects their own WeChat with a one-time code. Delegates see nothing.
export async function ConnectWechatCard({ actor }: { actor: Actor }) {
  const links = await ownChannels(actor)
  if (!links) return null
  const t = await getTranslations('channels.connect')
  const when = { timeZone: actor.timeZone, locale: (await getLocale()) as FriendlyLocale }
  const wechat = links.find((l) => l.channel === 'WECOM')
  return (
    <section className="mt-5 rounded-2xl border border-line bg-white p-4" data-testid="connect-wechat">
      <h2 className="font-medium">{t('title')}</h2>
      {wechat ? (
        <p className="mt-1 text-sm text-ok">
          {t('connected', { date: wechat.boundAt ? formatDay(wechat.boundAt, when) : '—' })}
        </p>
      ) : (
        <>
          <p className="mt-0.5 text-xs text-ink-soft">{t('hint', { minutes: CODE_TTL_MINUTES })}</p>
          <div className="mt-2">
            <BindingCodeButton timeZone={actor.timeZone} />
          </div>
        </>
      )}
    </section>
  )
}
