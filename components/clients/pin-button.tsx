'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useTransition } from 'react'
import { setNotePinnedAction } from '@/lib/clients/actions'

export function PinButton({ noteId, pinned }: { noteId: string; pinned: boolean }) {
  const t = useTranslations('client360')
  const router = useRouter()
  const [pending, start] = useTransition()
  return (
    <button
      type="button"
      disabled={pending}
      className="text-xs text-ink-soft hover:text-gold"
      onClick={() =>
        start(async () => {
          await setNotePinnedAction({ noteId, pinned: !pinned })
          router.refresh()
        })
      }
    >
      {pinned ? t('unpin') : t('pin')}
    </button>
  )
}
