'use client'

import { useTranslations } from 'next-intl'
import { closeHandoffAction } from '@/lib/handoffs/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionCall } from '@/components/forms/use-action-form'

export function CloseHandoffButton({ handoffId }: { handoffId: string }) {
  const t = useTranslations('handoffs')
  const { run, pending, error } = useActionCall()
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className="rounded-lg border border-line px-2 py-0.5 text-xs hover:bg-gold-soft"
        onClick={() => run(() => closeHandoffAction({ handoffId }), { refresh: 'always' })}
      >
        {t('close')}
      </button>
      <FormMessage message={error} inline />
    </span>
  )
}
