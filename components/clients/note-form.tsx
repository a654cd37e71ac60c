'use client'

import { useTranslations } from 'next-intl'
import { addClientNoteAction } from '@/lib/clients/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'

export function NoteForm({ clientId }: { clientId: string }) {
  const t = useTranslations('client360')
  const { formProps, pending, anyError: error } = useActionForm(addClientNoteAction, { refresh: false })
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="clientId" value={clientId} />
      <label htmlFor="note-body" className="mb-1 block text-sm font-medium text-ink">
        {t('newNote')}
      </label>
      <textarea
        id="note-body"
        name="body"
        rows={2}
        maxLength={2000}
        placeholder={t('notePlaceholder')}
        aria-invalid={error ? true : undefined}
        className="block w-full rounded-xl border border-line bg-white px-3 py-2 text-sm outline-none focus:border-gold"
      />
      <FormMessage message={error} className="text-sm" />
      <div className="flex items-center justify-between">
        <label className="flex items-center gap-2 text-sm text-ink-soft">
          <input type="checkbox" name="pinned" /> {t('pin')}
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-ink px-3 py-1.5 text-sm text-ivory disabled:opacity-50"
        >
          {t('addNote')}
        </button>
      </div>
    </form>
  )
}
