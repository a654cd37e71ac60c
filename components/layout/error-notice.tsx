'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'

// What an error boundary shows, in the user's language, instead of Next's English page. The
// digest (production hides the message) lets support find the logged error.
export function ErrorNotice({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('boundary')
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined
  return (
    <section role="alert" className="mx-auto mt-6 max-w-md rounded-2xl border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">{t('errorTitle')}</h1>
      <p className="mt-2 text-sm text-ink-soft">{t('errorHint')}</p>
      {digest && <p className="mt-2 font-mono text-xs text-ink-soft">{t('reference', { id: digest })}</p>}
      <div className="mt-5 flex justify-center gap-2">
        <button type="button" onClick={retry} className="rounded-lg bg-ink px-4 py-2 text-sm text-ivory">
          {t('retry')}
        </button>
        <Link href="/" className="rounded-lg px-4 py-2 text-sm text-ink-soft hover:bg-gold-soft">
          {t('home')}
        </Link>
      </div>
    </section>
  )
}
