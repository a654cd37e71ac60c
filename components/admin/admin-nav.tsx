import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

export async function AdminNav({ current }: { current: 'staff' | 'sla' | 'vendors' | 'process' | 'channels' | 'audit' }) {
  const t = await getTranslations('admin')
  const tc = await getTranslations('channels.admin')
  const items = [
    { key: 'staff', href: '/admin', label: t('staff') },
    { key: 'sla', href: '/admin/sla', label: t('slaPolicies') },
    { key: 'vendors', href: '/admin/vendors', label: t('vendors') },
    { key: 'process', href: '/admin/process', label: t('process') },
    { key: 'channels', href: '/admin/channels', label: tc('nav') },
    { key: 'audit', href: '/supervisor/audit', label: t('audit') },
  ] as const
  return (
    <nav className="mb-6 flex gap-1" aria-label={t('title')}>
      {items.map((i) => (
        <Link key={i.key} href={i.href} aria-current={i.key === current ? 'page' : undefined}
          className={`rounded-full px-3 py-1.5 text-sm ${i.key === current ? 'bg-ink text-ivory' : 'text-ink-soft hover:bg-gold-soft'}`}>
          {i.label}
        </Link>
      ))}
    </nav>
  )
}
