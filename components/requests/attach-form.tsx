'use client'

import { useTranslations } from 'next-intl'
import { uploadAttachmentAction } from '@/lib/attachments/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { Button } from '@/components/ui/button'
import { FilePicker } from '@/components/ui/file-picker'

export function AttachForm({ requestId }: { requestId: string }) {
  const t = useTranslations('attachments')
  const { formProps, pending, anyError, succeeded } = useActionForm(uploadAttachmentAction)
  return (
    <form {...formProps} className="space-y-1">
      <input type="hidden" name="requestId" value={requestId} />
      <div className="flex items-center gap-2">
        <FilePicker
          id={`file-${requestId}`}
          name="file"
          label={t('attach')}
          accept="application/pdf,image/jpeg,image/png,image/webp,image/heic"
          aria-describedby={`file-${requestId}-hint`}
        />
        <Button type="submit" disabled={pending} className="shrink-0">
          {t('upload')}
        </Button>
      </div>
      <p id={`file-${requestId}-hint`} className="text-xs text-ink-soft">
        {t('hint')}
      </p>
      <FormMessage message={anyError} className="text-sm" />
      {succeeded && <p className="text-xs text-ok">{t('uploaded')}</p>}
    </form>
  )
}
