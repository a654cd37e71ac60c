import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { changeRoleAction, inviteStaffAction, setDisabledAction } from '@/lib/staff/actions'
import { resetSecondFactorAction } from '@/lib/auth/two-factor-actions'
import { listStaff } from '@/lib/staff/queries'
import { STAFF_ROLE_VALUES } from '@/lib/staff/schemas'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import { RowForm } from '@/components/ui/row-form'
import { SettingsRow } from '@/components/ui/list'
import { Avatar } from '@/components/ui/avatar'
import Link from 'next/link'

export const dynamic = 'force-dynamic'

export default async function AdminHome() {
  const actor = await requirePageActor('system.configure')
  const t = await getTranslations()
  const staff = await listStaff(actor)
  const roles = STAFF_ROLE_VALUES.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{t('admin.staff')}</h1>
      <div className="rounded-2xl border border-line bg-white px-4">
        {staff.map((s) => (
          <SettingsRow key={s.id} testId="staff-row">
            <span className="flex w-80 items-center gap-3 text-sm">
              <Link
                href={`/admin/staff/${s.id}/photo`}
                aria-label={t('staffPhoto.adminTitle', { name: s.name })}
                className="block shrink-0 rounded-full hover:opacity-80"
                data-testid="staff-photo-link"
              >
                <Avatar name={s.name} photoUrl={s.photoUrl} size="sm" />
              </Link>
              <span className="min-w-0">
                {s.name} <span className="text-xs text-ink-soft">{s.email}</span>
                {s.disabled && (
                  <span className="ml-2 rounded-full bg-bad/10 px-2 text-xs text-bad">{t('admin.disabled')}</span>
                )}
                <span
                  data-testid="second-factor"
                  className={`ml-2 rounded-full px-2 text-xs ${s.secondFactorOn ? 'bg-ok/10 text-ok' : 'bg-warn/10 text-warn'}`}
                >
                  {s.secondFactorOn ? t('admin.secondFactorOn') : t('admin.secondFactorOff')}
                </span>
              </span>
            </span>
            {s.id !== actor.userId && (
              <div className="flex flex-wrap items-center gap-3">
                <RowForm
                  action={changeRoleAction}
                  hidden={{ userId: s.id }}
                  submitLabel={t('admin.changeRole')}
                  fields={[{ name: 'role', label: t('admin.role'), kind: 'select', value: s.role, options: roles }]}
                />
                {s.disabled ? (
                  <RowForm
                    action={setDisabledAction}
                    hidden={{ userId: s.id, disabled: 'false' }}
                    fields={[]}
                    submitLabel={t('admin.enable')}
                  />
                ) : (
                  <ConfirmActionButton
                    action={setDisabledAction}
                    input={{ userId: s.id, disabled: 'true' }}
                    label={t('admin.disable')}
                    question={t('admin.confirmDisable', { name: s.name })}
                    confirmLabel={t('admin.disable')}
                    cancelLabel={t('admin.keep')}
                  />
                )}
                {s.secondFactorOn && (
                  <ConfirmActionButton
                    action={resetSecondFactorAction}
                    input={{ userId: s.id }}
                    label={t('admin.resetSecondFactor')}
                    question={t('admin.confirmReset', { name: s.name })}
                    confirmLabel={t('admin.resetSecondFactor')}
                    cancelLabel={t('admin.keep')}
                  />
                )}
              </div>
            )}
          </SettingsRow>
        ))}
      </div>
      <section className="mt-6 rounded-2xl border border-line bg-white px-4 py-3">
        <h2 className="font-medium">{t('admin.invite')}</h2>
        <p className="text-xs text-ink-soft">{t('admin.inviteHint')}</p>
        <RowForm
          action={inviteStaffAction}
          hidden={{}}
          submitLabel={t('admin.invite')}
          fields={[
            { name: 'name', label: t('admin.name'), kind: 'text', width: 'w-40' },
            { name: 'email', label: t('admin.email'), kind: 'text', width: 'w-64' },
            { name: 'role', label: t('admin.role'), kind: 'select', value: 'BUTLER', options: roles },
          ]}
        />
      </section>
    </>
  )
}
