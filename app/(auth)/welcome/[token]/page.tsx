import { getTranslations } from 'next-intl/server'
import { PasswordLinkForm } from '../../password-link-form'
import { acceptStaffInviteAction } from './actions'

export const dynamic = 'force-dynamic'

export default async function WelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const t = await getTranslations('welcome')
  return (
    <>
      <h1 className="text-center text-xl font-semibold">{t('title')}</h1>
      <PasswordLinkForm
        token={token}
        action={acceptStaffInviteAction}
        labels={{ password: t('password'), submit: t('submit'), done: t('done'), signIn: t('signIn') }}
      />
    </>
  )
}
