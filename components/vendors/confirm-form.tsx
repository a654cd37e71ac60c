'use client'

import { useTranslations } from 'next-intl'
import { confirmVendorTaskAction } from '@/lib/vendors/actions'
import { CompactSubmit } from '@/components/forms/compact-fields'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'

export function ConfirmVendorForm({ taskId, version }: { taskId: string; version: number }) {
  const t = useTranslations('vendors')
  const { formProps, pending, anyError } = useActionForm(confirmVendorTaskAction)
  return (
    <form {...formProps} className="mt-2 flex flex-wrap gap-2">
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={`ref-${taskId}`} className="sr-only">
        {t('confirmationRef')}
      </label>
      <input
        id={`ref-${taskId}`}
        name="confirmationRef"
        placeholder={t('confirmationRef')}
        maxLength={200}
        className="min-w-0 flex-1 rounded-lg border border-line bg-white px-2 py-1 text-sm"
      />
      <CompactSubmit pending={pending} look="ok" fit="tight">
        {t('confirm')}
      </CompactSubmit>
      <FormMessage message={anyError} className="w-full" />
    </form>
  )
}
