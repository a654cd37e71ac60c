'use client'

import { useTranslations } from 'next-intl'
import { createHandoffAction } from '@/lib/handoffs/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'

export function HandoffForm({
  requestId,
  colleagues,
}: {
  requestId: string
  colleagues: { id: string; name: string }[]
}) {
  const t = useTranslations('handoffs')
  const { formProps, pending, fieldError, formError } = useActionForm(createHandoffAction)
  const field = 'block w-full rounded-lg border bg-white px-2 py-1.5 text-sm'
  return (
    <form {...formProps} className="mt-3 space-y-2 border-t border-line pt-3" aria-label={t('new')}>
      <input type="hidden" name="requestId" value={requestId} />
      <div>
        <label htmlFor="ho-team" className="text-xs text-ink-soft">
          {t('team')}
        </label>
        <input
          id="ho-team"
          name="team"
          maxLength={100}
          className={`${field} ${fieldError('team') ? 'border-bad' : 'border-line'}`}
        />
        <FormMessage message={fieldError('team')} />
      </div>
      <div>
        <label htmlFor="ho-owner" className="text-xs text-ink-soft">
          {t('owner')}
        </label>
        <select
          id="ho-owner"
          name="ownerId"
          defaultValue=""
          className={`${field} ${fieldError('ownerId') ? 'border-bad' : 'border-line'}`}
        >
          <option value="">{t('ownerSelf')}</option>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FormMessage message={fieldError('ownerId')} />
      </div>
      <div>
        <label htmlFor="ho-need" className="text-xs text-ink-soft">
          {t('need')}
        </label>
        <textarea
          id="ho-need"
          name="need"
          rows={2}
          maxLength={1000}
          className={`${field} ${fieldError('need') ? 'border-bad' : 'border-line'}`}
        />
        <FormMessage message={fieldError('need')} />
      </div>
      <div>
        <label htmlFor="ho-due" className="text-xs text-ink-soft">
          {t('due')}
        </label>
        <input
          id="ho-due"
          name="dueAt"
          type="datetime-local"
          className={`${field} ${fieldError('dueAt') ? 'border-bad' : 'border-line'}`}
        />
        <FormMessage message={fieldError('dueAt')} />
      </div>
      <FormMessage message={formError} className="text-sm" />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-ink py-1.5 text-sm text-ivory disabled:opacity-50"
      >
        {t('add')}
      </button>
    </form>
  )
}
