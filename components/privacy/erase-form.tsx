'use client'

import { useTranslations } from 'next-intl'
import { eraseClientAction } from '@/lib/privacy/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'

// Erasing is final, so the admin types the client's name rather than clicking once.
export function EraseForm({ clientId, name }: { clientId: string; name: string }) {
  const t = useTranslations('privacy')
  const { formProps, pending, anyError, data } = useActionForm(eraseClientAction)
  return (
    <form {...formProps} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="clientId" value={clientId} />
      <div>
        <input
          name="confirmation"
          aria-label={t('confirm')}
          placeholder={name}
          autoComplete="off"
          className={`w-56 rounded-lg border bg-white px-2 py-1 text-sm ${anyError ? 'border-bad' : 'border-line'}`}
        />
        <FormMessage message={anyError} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg border border-bad px-3 py-1 text-sm text-bad disabled:opacity-50"
      >
        {t('erase')}
      </button>
      {data && <span className="pt-1 text-xs text-ok">{t('erased', { number: data.erasureNumber })}</span>}
    </form>
  )
}
