'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { offerAlternativeAction } from '@/lib/requests/actions'
import { CompactSubmit } from '@/components/forms/compact-fields'
import { TextareaField } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'

// "Never say no": when a request cannot be met in full, the butler offers what can be done.
export function AlternativeForm({ requestId, version }: { requestId: string; version: number }) {
  const t = useTranslations('alternatives')
  const [open, setOpen] = useState(false)
  const {
    formProps,
    pending,
    anyError: error,
  } = useActionForm(offerAlternativeAction, { onSuccess: () => setOpen(false) })
  if (!open) {
    return (
      <button
        type="button"
        data-offer-alternative
        onClick={() => setOpen(true)}
        className="text-sm text-ink underline underline-offset-2"
      >
        {t('offer')}
      </button>
    )
  }
  return (
    <form {...formProps} className="space-y-2 rounded-xl border border-gold bg-gold-soft/40 p-3">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <TextareaField
        id="alt-description"
        name="description"
        label={t('describe')}
        error={error}
        dense
        rows={3}
        maxLength={2000}
        // Opened on purpose (a click or the "a" key): the butler writes at once.
        autoFocus
        placeholder={t('placeholder')}
      />
      <div className="flex justify-end gap-2">
        <button type="button" onClick={() => setOpen(false)} className="rounded-lg px-3 py-1.5 text-sm text-ink-soft">
          {t('cancel')}
        </button>
        <CompactSubmit pending={pending} fit="inline">
          {t('send')}
        </CompactSubmit>
      </div>
    </form>
  )
}
