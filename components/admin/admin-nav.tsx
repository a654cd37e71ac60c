import { getTranslations } from 'next-intl/server'
import { SectionNav } from '@/components/layout/section-nav'

export async function AdminNav() {
  const t = await getTranslations('admin')
  const tc = await getTranslations('channels.admin')
  const tr = await getTranslations()
  const tp = await getTranslations('presence.teamContact')
  const items = [
    { key: 'staff', href: '/admin', label: t('staff') },
    { key: 'sla', href: '/admin/sla', label: t('slaPolicies') },
    { key: 'vendors', href: '/admin/vendors', label: t('vendors') },
    { key: 'process', href: '/admin/process', label: t('process') },
    { key: 'channels', href: '/admin/channels', label: tc('nav') },
    { key: 'risk', href: '/admin/risk', label: tr('risk.nav') },
    { key: 'privacy', href: '/admin/privacy', label: tr('privacy.nav') },
    { key: 'team-contact', href: '/admin/team-contact', label: tp('nav') },
    { key: 'audit', href: '/supervisor/audit', label: t('audit') },
  ] as const
  return <SectionNav label={t('title')} items={items} className="mb-6 flex gap-1" />
}
