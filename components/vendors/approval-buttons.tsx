'use client'

import { useTranslations } from 'next-intl'
import { decideApprovalAction } from '@/lib/vendors/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionCall } from '@/components/forms/use-action-form'

export function ApprovalButtons({ taskId, version }: { taskId: string; version: number }) {
  const t = useTranslations('vendors')
  const { run, pending, error } = useActionCall()
  const decide = (approve: boolean) =>
    run(() => decideApprovalAction({ taskId, version, approve }), { refresh: 'always' })
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => decide(true)}
        className="rounded-lg bg-ok px-3 py-1 text-xs text-white"
      >
        {t('approve')}
      </button>
      <button
        type="button"
        disabled={pending}
        onClick={() => decide(false)}
        className="rounded-lg border border-line px-3 py-1 text-xs"
      >
        {t('reject')}
      </button>
      <FormMessage message={error} inline />
    </span>
  )
}
