import { useTranslations } from 'next-intl'
import type { Presence } from '@/lib/presence/service'

const dot: Record<Presence, string> = { AVAILABLE: 'bg-ok', AWAY: 'bg-warn', OFF: 'bg-ink-soft/40' }

// Available (on duty and reachable), away (on duty, no console open and no working phone), off.
export function PresenceBadge({ presence }: { presence: Presence }) {
  const t = useTranslations('presence')
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" data-presence={presence}>
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${dot[presence]}`} />
      {t(presence)}
    </span>
  )
}
