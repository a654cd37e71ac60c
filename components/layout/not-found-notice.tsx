import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

// Also what a user sees for a record outside their scope: it says neither "missing" nor "forbidden".
export async function NotFoundNotice() {
  const t = await getTranslations('boundary')
  return (
    <section className="mx-auto mt-6 max-w-md rounded-2xl border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-sm text-ink-soft">{t('notFoundHint')}</p>
      <Link href="/" className="mt-5 inline-block rounded-lg bg-ink px-4 py-2 text-sm text-ivory">
        {t('home')}
      </Link>
    </section>
  )
}
