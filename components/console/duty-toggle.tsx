'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useTransition } from 'react'
import { setOnDutyAction } from '@/lib/staff/actions'

export function DutyToggle({ onDuty }: { onDuty: boolean }) {
  const t = useTranslations('console')
  const router = useRouter()
  const [pending, start] = useTransition()
  return (
    <button
      type="button"
      role="switch"
      aria-checked={onDuty}
      disabled={pending}
      onClick={() =>
        start(async () => {
          await setOnDutyAction({ onDuty: !onDuty })
          router.refresh()
        })
      }
      className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm ${onDuty ? 'border-ok bg-ok/10 text-ok' : 'border-line bg-white text-ink-soft'}`}
    >
      <span aria-hidden className={`size-2 rounded-full ${onDuty ? 'bg-ok' : 'bg-ink-soft/40'}`} />
      {onDuty ? t('onDuty') : t('offDuty')}
    </button>
  )
}
