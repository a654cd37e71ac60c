'use client'

import { usePathname } from 'next/navigation'
import { activeHref } from './active-path'

export type TSection = { href: string; title: string }

// The header's "· section" follows the URL, as the header lives in a layout that pages share.
export function SectionTitle({ sections }: { sections: readonly TSection[] }) {
  const href = activeHref(
    usePathname(),
    sections.map((s) => s.href),
  )
  const title = sections.find((s) => s.href === href)?.title
  return title ? <span className="hidden text-sm text-ink-soft sm:inline">· {title}</span> : null
}
