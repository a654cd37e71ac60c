import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { changePasswordAction } from '@/lib/auth/password-actions'
import { RowForm } from '@/components/ui/row-form'

export const dynamic = 'force-dynamic'

export default async function PasswordPage() {
  await requirePageActor('account.use')
  const t = await getTranslations('password')
  return (
    <>
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="mt-1 text-sm text-ink-soft">{t('hint')}</p>
      <div className="mt-4 rounded-2xl border border-line bg-white px-4">
        <RowForm
          action={changePasswordAction}
          hidden={{}}
          submitLabel={t('submit')}
          fields={[
            { name: 'current', label: t('current'), kind: 'password', width: 'w-full' },
            { name: 'next', label: t('next'), kind: 'password', width: 'w-full' },
          ]}
        />
      </div>
    </>
  )
}
