'use client'

import { useRouter } from 'next/navigation'
import { useLocale, useTranslations } from 'next-intl'
import { useTransition } from 'react'
import { setLocaleAction } from '@/lib/next/auth-actions'

export function LocaleSwitch() {
  const t = useTranslations('common')
  const locale = useLocale()
  const router = useRouter()
  const [pending, start] = useTransition()
  const next = locale === 'en' ? 'zh-CN' : 'en'
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await setLocaleAction(next)
          router.refresh()
        })
      }
      className="rounded-lg px-2 py-1 text-sm text-ink-soft hover:bg-gold-soft"
    >
      {/* The visible words are part of the name, so speech control finds the button by them. */}
      <span className="sr-only">{t('language')}: </span>
      <span lang={next}>{t('switchTo')}</span>
    </button>
  )
}
