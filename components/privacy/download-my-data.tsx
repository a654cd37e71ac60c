import { getTranslations } from 'next-intl/server'
import { can } from '@/lib/auth/policy'
import type { Actor } from '@/lib/auth/roles'

// Portal profile: the client's copy of their own data. Delegates see nothing: the data is the
// client's, not theirs.
export async function DownloadMyData({ actor }: { actor: Actor }) {
  if (!can(actor, 'profile.manage')) return null
  const t = await getTranslations('privacy')
  return (
    <section className="mt-5 rounded-2xl border border-line bg-white p-4" data-testid="download-my-data">
      <h2 className="font-medium">{t('downloadTitle')}</h2>
      <p className="mt-0.5 text-xs text-ink-soft">{t('downloadHint')}</p>
      <a
        href="/api/portal/export"
        download
        className="mt-2 inline-flex min-h-11 items-center rounded-xl border border-line px-4 text-sm font-medium hover:bg-gold-soft"
      >
        {t('download')}
      </a>
    </section>
  )
}
