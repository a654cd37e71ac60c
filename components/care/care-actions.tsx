'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useTransition } from 'react'
import { careToRequestAction, recordOutreachAction } from '@/lib/care/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'

export function CareActions({ careTaskId, summary }: { careTaskId: string; summary: string }) {
  const t = useTranslations('care')
  const router = useRouter()
  const [pending, start] = useTransition()
  const { formProps, pending: saving, anyError } = useActionForm(recordOutreachAction)
  return (
    <div className="mt-2 space-y-1">
      <form {...formProps} className="flex gap-2">
        <input type="hidden" name="careTaskId" value={careTaskId} />
        <label htmlFor={`outreach-${careTaskId}`} className="sr-only">
          {t('outreach')}
        </label>
        <input
          id={`outreach-${careTaskId}`}
          name="outreach"
          maxLength={1000}
          placeholder={t('outreachPlaceholder')}
          className="min-w-0 flex-1 rounded-lg border border-line bg-white px-2 py-1 text-sm"
        />
        <button type="submit" disabled={saving} className="rounded-lg bg-ink px-3 py-1 text-xs text-ivory">
          {t('record')}
        </button>
        <button
          type="button"
          disabled={pending}
          className="rounded-lg border border-line px-3 py-1 text-xs hover:bg-gold-soft"
          onClick={() =>
            start(async () => {
              const r = await careToRequestAction({ careTaskId, title: summary })
              if (r.ok) router.push(`/console/requests/${r.data.id}`)
            })
          }
        >
          {t('toRequest')}
        </button>
      </form>
      <FormMessage message={anyError} />
    </div>
  )
}
