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
    <main className="flex min-h-dvh flex-col items-center justify-center px-5 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div aria-hidden className="mx-auto mb-4 grid size-12 place-items-center rounded-full bg-ink text-xl text-gold-light">◆</div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('common.brand')}</h1>
          <p className="mt-1 text-sm text-ink-soft">{t('login.subtitle')}</p>
        </div>
        <LoginForm />
        <div className="mt-6 flex justify-center"><LocaleSwitch /></div>
      </div>
    </main>
  )
}
