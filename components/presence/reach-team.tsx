import { getTranslations } from 'next-intl/server'
import type { TeamContactView } from '@/lib/presence/team-contact'

// Call and WeChat buttons on the portal's butler card: the team's 24x7 line and its WeCom contact.
export async function ReachTeam({ contact }: { contact: TeamContactView }) {
  if (!contact.phone && !contact.wecomUrl) return null
  const t = await getTranslations('presence.reach')
  const button =
    'flex min-h-11 flex-1 items-center justify-center gap-2 rounded-xl bg-gold-light/15 px-3 text-sm font-medium text-ivory hover:bg-gold-light/25'
  return (
    <div className="mt-4 flex gap-2" data-testid="reach-team">
      {contact.phone && (
        <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`} className={button} data-testid="call-team">
          <span aria-hidden>☎</span> {t('call')}
        </a>
      )}
      {contact.wecomUrl && (
        <a
          href={contact.wecomUrl}
          target="_blank"
          rel="noopener noreferrer"
          className={button}
          data-testid="wechat-team"
        >
          <span aria-hidden>✉</span> {t('wechat')}
        </a>
      )}
    </div>
  )
}
