'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { rateRequestAction } from '@/lib/requests/actions'
import { SubmitRow, TextareaField } from '@/components/forms/fields'
import { useActionForm } from '@/components/forms/use-action-form'

export function RatingForm({ requestId }: { requestId: string }) {
  const t = useTranslations('rating')
  const [score, setScore] = useState(0)
  const { formProps, pending, anyError } = useActionForm(rateRequestAction, { reset: false })
  return (
    <form {...formProps} className="space-y-3 rounded-2xl border border-gold bg-white p-4" aria-label={t('title')}>
      <input type="hidden" name="requestId" value={requestId} />
      <fieldset>
        <legend className="text-sm font-medium">{t('title')}</legend>
        <div className="mt-2 flex gap-1" role="radiogroup">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer">
              <input
                type="radio"
                name="score"
                value={n}
                className="peer sr-only"
                checked={score === n}
                onChange={() => setScore(n)}
                aria-label={t('stars', { n })}
              />
              <span
                aria-hidden
                className={`grid size-11 place-items-center rounded-full text-2xl peer-focus-visible:ring-2 peer-focus-visible:ring-gold ${n <= score ? 'text-gold' : 'text-line'}`}
              >
                ★
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextareaField id="rating-comment" name="comment" label={t('comment')} rows={2} maxLength={2000} />
      <SubmitRow pending={pending} error={anyError} wide>
        {t('submit')}
      </SubmitRow>
    </form>
  )
}
