import { getTranslations } from 'next-intl/server'
import { SectionNav } from './section-nav'

// The sections of each staff audience, by path segment below its home: the first is the home
// itself, and both end with the audit log they share. Labels are messages under
// nav.<audience>.<segment>.
const SECTIONS = {
  admin: ['staff', 'sla', 'vendors', 'process', 'channels', 'risk', 'privacy', 'team-contact'],
  supervisor: ['board', 'kpi', 'quality', 'roster', 'team', 'wechat', 'risk'],
} as const

export async function AudienceNav({ audience, className }: { audience: keyof typeof SECTIONS; className: string }) {
  const t = await getTranslations(`nav.${audience}`)
  const [home, ...below] = SECTIONS[audience]
  const items = [
    { key: home, href: `/${audience}`, label: t(home) },
    ...below.map((segment) => ({ key: segment, href: `/${audience}/${segment}`, label: t(segment) })),
    { key: 'audit', href: '/supervisor/audit', label: t('audit') },
  ]
  return <SectionNav label={t('title')} items={items} className={className} />
}
