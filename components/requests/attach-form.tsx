'use client'

import { useTranslations } from 'next-intl'
import { uploadAttachmentAction } from '@/lib/attachments/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'

export function AttachForm({ requestId }: { requestId: string }) {
  const t = useTranslations('attachments')
  const { formProps, pending, anyError, succeeded } = useActionForm(uploadAttachmentAction)
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <label htmlFor={`file-${requestId}`} className="block text-sm text-ink-soft">
        {t('attach')}
      </label>
      <div className="flex gap-2">
        <input
          id={`file-${requestId}`}
          name="file"
          type="file"
          accept="application/pdf,image/jpeg,image/png,image/webp,image/heic"
          className="min-w-0 flex-1 text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-gold-soft file:px-3 file:py-1.5"
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-ink px-3 text-sm text-ivory disabled:opacity-50"
        >
          {t('upload')}
        </button>
      </div>
      <p className="text-xs text-ink-soft">{t('hint')}</p>
      <FormMessage message={anyError} className="text-sm" />
      {succeeded && <p className="text-xs text-ok">{t('uploaded')}</p>}
    </form>
  )
}
