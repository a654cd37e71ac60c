import { getTranslations } from 'next-intl/server'
import { SectionNav } from '@/components/layout/section-nav'

export async function SupervisorNav() {
  const t = await getTranslations('supervisor')
  const tc = await getTranslations('channels.queue')
  const tr = await getTranslations('risk')
  const items = [
    { key: 'board', href: '/supervisor', label: t('title') },
    { key: 'kpi', href: '/supervisor/kpi', label: t('kpi') },
    { key: 'quality', href: '/supervisor/quality', label: t('quality') },
    { key: 'roster', href: '/supervisor/roster', label: t('roster') },
    { key: 'team', href: '/supervisor/team', label: t('team') },
    { key: 'wechat', href: '/supervisor/wechat', label: tc('nav') },
    { key: 'risk', href: '/supervisor/risk', label: tr('queueNav') },
    { key: 'audit', href: '/supervisor/audit', label: t('audit') },
  ] as const
  return <SectionNav label={t('title')} items={items} className="mb-5 flex flex-wrap gap-1" />
}
