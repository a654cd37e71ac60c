'use client'

import { useTranslations } from 'next-intl'
import { addClientNoteAction } from '@/lib/clients/actions'
import { CompactSubmit } from '@/components/forms/compact-fields'
import { TextareaField } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'

export function NoteForm({ clientId }: { clientId: string }) {
  const t = useTranslations('client360')
  const { formProps, pending, anyError: error } = useActionForm(addClientNoteAction, { refresh: false })
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="clientId" value={clientId} />
      <TextareaField
        id="note-body"
        name="body"
        label={t('newNote')}
        error={error}
        dense
        rows={2}
        maxLength={2000}
        placeholder={t('notePlaceholder')}
      />
      <div className="flex items-center justify-between">
        <label className="flex items-center gap-2 text-sm text-ink-soft">
          <input type="checkbox" name="pinned" /> {t('pin')}
        </label>
        <CompactSubmit pending={pending} fit="inline">
          {t('addNote')}
        </CompactSubmit>
      </div>
    </form>
  )
}
