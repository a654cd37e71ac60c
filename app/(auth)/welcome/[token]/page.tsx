import { getTranslations } from 'next-intl/server'
import { WelcomeForm } from './welcome-form'

export const dynamic = 'force-dynamic'

export default async function WelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const t = await getTranslations('welcome')
  return (
    <>
      <h1 className="text-center text-xl font-semibold">{t('title')}</h1>
      <WelcomeForm token={token} />
    </>
  )
}
