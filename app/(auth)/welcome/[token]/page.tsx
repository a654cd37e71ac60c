import { getTranslations } from 'next-intl/server'
import { WelcomeForm } from './welcome-form'

export const dynamic = 'force-dynamic'

export default async function WelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const t = await getTranslations('welcome')
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-5 py-10">
      <div className="w-full max-w-sm">
        <div aria-hidden className="mx-auto mb-4 grid size-12 place-items-center rounded-full bg-ink text-xl text-gold-light">◆</div>
        <h1 className="text-center text-xl font-semibold">{t('title')}</h1>
        <WelcomeForm token={token} />
      </div>
    </main>
  )
}
