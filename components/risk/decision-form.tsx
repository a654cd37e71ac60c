'use client'

import { useTranslations } from 'next-intl'
import { decideRiskAction } from '@/lib/risk/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { CompactSubmit } from '@/components/forms/compact-fields'

// Approve (with an optional note for the butler) or decline with an alternative for the client.
export function RiskDecisionForm({ reviewId, version }: { reviewId: string; version: number }) {
  const t = useTranslations('risk')
  const { formProps, pending, fieldError, formError, succeeded } = useActionForm(decideRiskAction, {
    refresh: 'always',
  })
  const box = (name: string) =>
    `mt-1 w-full rounded-lg border bg-white px-2 py-1 text-sm ${fieldError(name) ? 'border-bad' : 'border-line'}`
  return (
    <form {...formProps} className="mt-3 grid gap-2 sm:grid-cols-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="version" value={version} />
      <label className="text-xs text-ink-soft">
        {t('note')}
        <textarea name="note" rows={2} className={box('note')} />
        <FormMessage message={fieldError('note')} />
      </label>
      <label className="text-xs text-ink-soft">
        {t('alternative')}
        <textarea name="alternative" rows={2} className={box('alternative')} />
        <FormMessage message={fieldError('alternative')} />
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <CompactSubmit pending={pending} fit="inline" name="decision" value="approve">
          {t('approve')}
        </CompactSubmit>
        <CompactSubmit pending={pending} fit="inline" look="quiet" name="decision" value="decline">
          {t('decline')}
        </CompactSubmit>
        <FormMessage message={formError} />
        {succeeded && <span className="text-xs text-ok">{t('decided')}</span>}
      </div>
    </form>
  )
}
