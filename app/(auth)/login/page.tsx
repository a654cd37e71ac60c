import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentActor } from '@/lib/next/guards'
import { homePathFor } from '@/lib/auth/policy'
import { LocaleSwitch } from '@/components/ui/locale-switch'
import { LoginForm } from './login-form'

export default async function LoginPage() {
  const actor = await currentActor()
  if (actor) redirect(homePathFor(actor.role))
  const t = await getTranslations()
  return (
    <>
      <div className="mb-8 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">{t('common.brand')}</h1>
        <p className="mt-1 text-sm text-ink-soft">{t('login.subtitle')}</p>
      </div>
      <LoginForm />
      <div className="mt-6 flex justify-center">
        <LocaleSwitch />
      </div>
    </>
  )
}
