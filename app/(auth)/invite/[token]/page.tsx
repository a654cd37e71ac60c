import { getTranslations } from 'next-intl/server'
import { findInvitation } from '@/lib/clients/delegates'
import { PasswordLinkForm } from '../../password-link-form'
import { acceptInvitationAction } from './actions'

export const dynamic = 'force-dynamic'

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const t = await getTranslations('invite')
  const invite = await findInvitation(token)
  return invite ? (
    <>
      <h1 className="text-center text-xl font-semibold">{t('title', { client: invite.clientName })}</h1>
      <p className="mt-2 text-center text-sm text-ink-soft">{t('explain', { email: invite.email })}</p>
      <PasswordLinkForm
        token={token}
        action={acceptInvitationAction}
        labels={{
          name: t('name'),
          password: t('password'),
          submit: t('accept'),
          done: t('done'),
          signIn: t('signIn'),
        }}
      />
    </>
  ) : (
    <p className="rounded-2xl border border-line bg-white p-6 text-center text-sm">{t('invalid')}</p>
  )
}
