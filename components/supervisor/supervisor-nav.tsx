import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

export async function SupervisorNav({ current }: { current: 'board' | 'kpi' | 'quality' | 'roster' | 'team' | 'wechat' | 'audit' }) {
  const t = await getTranslations('supervisor')
  const tc = await getTranslations('channels.queue')
  const items = [
    ['board', '/supervisor', t('title')], ['kpi', '/supervisor/kpi', t('kpi')], ['quality', '/supervisor/quality', t('quality')],
    ['roster', '/supervisor/roster', t('roster')], ['team', '/supervisor/team', t('team')], ['wechat', '/supervisor/wechat', tc('nav')], ['audit', '/supervisor/audit', t('audit')],
  ] as const
  return (
    <nav className="mb-5 flex flex-wrap gap-1" aria-label={t('title')}>
      {items.map(([key, href, label]) => (
        <Link key={key} href={href} aria-current={key === current ? 'page' : undefined}
          className={`rounded-full px-3 py-1.5 text-sm ${key === current ? 'bg-ink text-ivory' : 'text-ink-soft hover:bg-gold-soft'}`}>{label}</Link>
      ))}
    </nav>
  )
}
