'use client'

import { useRouter } from 'next/navigation'
import { useLocale, useTranslations } from 'next-intl'
import { useTransition } from 'react'
import { tickChecklistStepAction } from '@/lib/process/actions'

type Step = { id: string; labelZh: string; labelEn: string; doneAt: string | null }

export function Checklist({ requestId, steps }: { requestId: string; steps: Step[] }) {
  const t = useTranslations('process')
  const locale = useLocale()
  const router = useRouter()
  const [pending, start] = useTransition()
  const done = steps.filter((s) => s.doneAt).length
  if (steps.length === 0) return null
  return (
    <div data-testid="checklist">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="font-medium">{t('title')}</h2>
        <span className="text-xs text-ink-soft tabular-nums" data-testid="checklist-progress">
          {done}/{steps.length}
        </span>
      </div>
      <div className="mb-3 h-1.5 rounded-full bg-line" aria-hidden>
        <div
          className="h-1.5 rounded-full bg-gold transition-all"
          style={{ width: `${(done / steps.length) * 100}%` }}
        />
      </div>
      <ul className="space-y-1.5">
        {steps.map((s) => (
          <li key={s.id}>
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-0.5"
                checked={Boolean(s.doneAt)}
                disabled={pending}
                onChange={(e) => {
                  const checked = e.target.checked
                  start(async () => {
                    await tickChecklistStepAction({ requestId, stepId: s.id, done: checked })
                    router.refresh()
                  })
                }}
              />
              <span className={s.doneAt ? 'text-ink-soft line-through' : ''}>
                {locale === 'en' ? s.labelEn : s.labelZh}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  )
}
