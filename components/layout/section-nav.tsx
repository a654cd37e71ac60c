'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { activeHref } from './active-path'

export type TNavItem = { key: string; href: string; label: string }

// A layout renders once per visit to its group, so the current link follows the URL here,
// on the client, instead of being passed down by each page.
export function SectionNav({
  label,
  items,
  className,
}: {
  label: string
  items: readonly TNavItem[]
  className: string
}) {
  const current = activeHref(
    usePathname(),
    items.map((i) => i.href),
  )
  return (
    <nav className={className} aria-label={label}>
      {items.map((i) => (
        <Link
          key={i.key}
          href={i.href}
          aria-current={i.href === current ? 'page' : undefined}
          className={`rounded-full px-3 py-1.5 text-sm ${i.href === current ? 'bg-ink text-ivory' : 'text-ink-soft hover:bg-gold-soft'}`}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  )
}
