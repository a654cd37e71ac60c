import { getFormatter, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { homePathFor } from '@/lib/auth/policy'
import { secondFactorStatus } from '@/lib/auth/two-factor'
import { TwoFactorSetup } from '@/components/account/two-factor-setup'

export const dynamic = 'force-dynamic'

export default async function TwoFactorPage() {
  const actor = await requirePageActor('secondFactor.use', { enrolling: true })
  const t = await getTranslations('twoFactor')
  const format = await getFormatter()
  const status = await secondFactorStatus(actor.userId)
  return (
    <>
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      {status.enabledAt ? (
        <p className="mt-1 text-sm text-ink-soft" data-testid="second-factor-status">
          {t('onSince', {
            date: format.dateTime(status.enabledAt, {
              dateStyle: 'medium',
              timeStyle: 'short',
              timeZone: actor.timeZone,
            }),
          })}
          {' · '}
          {t('codesLeft', { n: status.recoveryCodesLeft })}
        </p>
      ) : (
        <p className="mt-1 text-sm text-ink-soft">{status.mandatory ? t('requiredHint') : t('offeredHint')}</p>
      )}
      <TwoFactorSetup enabled={status.enabledAt !== null} home={homePathFor(actor.role)} />
    </>
  )
}
