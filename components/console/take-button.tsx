'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { takeRequestAction } from '@/lib/requests/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionCall } from '@/components/forms/use-action-form'

export function TakeButton({ requestId, version, goTo }: { requestId: string; version: number; goTo?: string }) {
  const t = useTranslations('console')
  const router = useRouter()
  const { run, pending, error } = useActionCall()
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        data-take
        disabled={pending}
        onClick={(e) => {
          e.stopPropagation()
          // Lost or won, the screen must show who holds the request now.
          run(() => takeRequestAction({ requestId, version }), {
            refresh: 'always',
            onSuccess: () => goTo && router.push(goTo),
          })
        }}
        className="rounded-lg bg-gold px-3 py-1 text-xs font-semibold text-white hover:bg-gold/90 disabled:opacity-50"
      >
        {t('take')}
      </button>
      <FormMessage message={error} inline />
    </span>
  )
}
