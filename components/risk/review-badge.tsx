import { getTranslations } from 'next-intl/server'
import type { RiskReason } from '@/lib/risk/rules'
import { RiskReasons } from './reasons'

// Console only: a request waiting for a supervisor's review, and why. Calm on purpose.
export async function ReviewBadge({ reasons }: { reasons: RiskReason[] | null }) {
  if (!reasons) return null
  const t = await getTranslations('risk')
  return (
    <div className="mt-3 rounded-xl border border-line bg-ivory px-3 py-2" data-testid="review-badge">
      <p className="text-sm font-medium">{t('badge')}</p>
      <p className="text-xs text-ink-soft">{t('badgeHint')}</p>
      <RiskReasons reasons={reasons} />
    </div>
  )
}
