'use client'

import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'

// The console's first Tab stops, shown when focused: straight to the queue, and to the search
// on the queue page or the reply box on a request.
export function SkipLinks() {
  const t = useTranslations('console')
  const path = usePathname()
  const links =
    path === '/console'
      ? [
          { href: '#queue', label: t('skipToQueue') },
          { href: '#queue-search', label: t('skipToSearch') },
        ]
      : path.startsWith('/console/requests/')
        ? [
            { href: '#composer-body', label: t('skipToReply') },
            { href: '#queue', label: t('skipToQueue') },
          ]
        : [{ href: '#main', label: t('skipToContent') }]
  return (
    <div className="fixed left-2 top-2 z-50 flex gap-2">
      {links.map((l) => (
        <a
          key={l.href}
          href={l.href}
          onClick={(e) => {
            // Focus moves with the jump, so the keys act where the eye lands.
            const target = document.querySelector<HTMLElement>(l.href)
            if (!target) return
            e.preventDefault()
            target.focus()
          }}
          className="sr-only rounded-lg bg-ink px-3 py-2 text-sm text-ivory underline focus:not-sr-only"
        >
          {l.label}
        </a>
      ))}
    </div>
  )
}
