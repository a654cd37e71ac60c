import { getTranslations } from 'next-intl/server'
import { ConnectWechatCard } from '@/components/channels/connect-wechat-card'
import { DownloadMyData } from '@/components/privacy/download-my-data'
import { can } from '@/lib/auth/policy'
import { requirePageActor } from '@/lib/next/guards'
import { PushDevicesCard } from '@/components/push/push-devices-card'
import { getOwnProfile } from '@/lib/clients/profile'
import {
  deleteFamilyMemberAction,
  deleteKeyDateAction,
  deletePreferenceAction,
  inviteDelegateAction,
  revokeDelegateAction,
  saveFamilyMemberAction,
  saveKeyDateAction,
  savePreferenceAction,
} from '@/lib/clients/profile-actions'
import { RowForm } from '@/components/ui/row-form'
import { SettingsForm } from '@/components/portal/settings-form'

export const dynamic = 'force-dynamic'

function Section({
  title,
  hint,
  children,
  testId,
}: {
  title: string
  hint?: string
  children: React.ReactNode
  testId?: string
}) {
  return (
    <section className="mt-5 rounded-2xl border border-line bg-white p-4" data-testid={testId}>
      <h2 className="font-medium">{title}</h2>
      {hint && <p className="mt-0.5 text-xs text-ink-soft">{hint}</p>}
      <div className="mt-2">{children}</div>
    </section>
  )
}

export default async function ProfilePage() {
  const actor = await requirePageActor('portal.use')
  const t = await getTranslations()
  const p = (await getOwnProfile(actor))!
  const kinds = ['BIRTHDAY', 'ANNIVERSARY', 'TRIP', 'OTHER'] as const
  return (
    <>
      <h1 className="text-xl font-semibold">{t('profile.title')}</h1>
      <Section title={t('profile.settings')}>
        <SettingsForm language={p.settings.locale} timeZone={p.settings.timeZone} />
      </Section>
      <ConnectWechatCard actor={actor} />
      <DownloadMyData actor={actor} />
      <PushDevicesCard actor={actor} />
      {can(actor, 'profile.manage') && (
        <>
          <Section title={t('profile.preferences')} hint={t('profile.preferencesHint')} testId="preferences">
            {[...p.preferences, null].map((x) => (
              <RowForm
                key={x?.id ?? 'new'}
                action={savePreferenceAction}
                onDelete={x ? deletePreferenceAction : undefined}
                hidden={{ id: x?.id ?? '' }}
                submitLabel={x ? t('admin.save') : t('admin.addRow')}
                fields={[
                  { name: 'topic', label: t('profile.topic'), kind: 'text', value: x?.topic, width: 'w-28' },
                  { name: 'value', label: t('profile.value'), kind: 'text', value: x?.value, width: 'w-48' },
                ]}
              />
            ))}
          </Section>
          <Section title={t('profile.family')} testId="family">
            {[...p.family, null].map((f) => (
              <RowForm
                key={f?.id ?? 'new'}
                action={saveFamilyMemberAction}
                onDelete={f ? deleteFamilyMemberAction : undefined}
                hidden={{ id: f?.id ?? '' }}
                submitLabel={f ? t('admin.save') : t('admin.addRow')}
                fields={[
                  { name: 'name', label: t('profile.name'), kind: 'text', value: f?.name, width: 'w-28' },
                  { name: 'relation', label: t('profile.relation'), kind: 'text', value: f?.relation, width: 'w-24' },
                  { name: 'birthday', label: t('profile.birthday'), kind: 'text', value: f?.birthday, width: 'w-28' },
                  { name: 'phone', label: t('profile.phone'), kind: 'text', value: f?.phone, width: 'w-36' },
                ]}
              />
            ))}
          </Section>
          <Section title={t('profile.keyDates')} hint={t('profile.keyDatesHint')} testId="key-dates">
            {[...p.keyDates, null].map((k) => (
              <RowForm
                key={k?.id ?? 'new'}
                action={saveKeyDateAction}
                onDelete={k ? deleteKeyDateAction : undefined}
                hidden={{ id: k?.id ?? '' }}
                submitLabel={k ? t('admin.save') : t('admin.addRow')}
                fields={[
                  {
                    name: 'kind',
                    label: t('profile.kind'),
                    kind: 'select',
                    value: k?.kind ?? 'BIRTHDAY',
                    options: kinds.map((v) => ({ value: v, label: t(`care.kind.${v}`) })),
                  },
                  { name: 'label', label: t('profile.label'), kind: 'text', value: k?.label, width: 'w-32' },
                  { name: 'date', label: t('profile.date'), kind: 'text', value: k?.date, width: 'w-28' },
                  {
                    name: 'familyMemberId',
                    label: t('profile.who'),
                    kind: 'select',
                    value: k?.familyMemberId ?? '',
                    options: [
                      { value: '', label: t('profile.me') },
                      ...p.family.map((f) => ({ value: f.id, label: f.name })),
                    ],
                  },
                  { name: 'recurring', label: t('profile.yearly'), kind: 'checkbox', value: k?.recurring ?? true },
                ]}
              />
            ))}
          </Section>
          <Section title={t('profile.delegates')} hint={t('profile.delegatesHint')} testId="delegates">
            {p.delegates.map((d) => (
              <div key={d.id} className="flex flex-wrap items-center justify-between gap-2" data-testid="delegate">
                <span className="text-sm">
                  {d.email} · {d.relation} · {t(`client360.delegateStatus.${d.status}`)}
                </span>
                <RowForm
                  action={revokeDelegateAction}
                  hidden={{ id: d.id }}
                  submitLabel={t('profile.revoke')}
                  fields={[]}
                />
              </div>
            ))}
            <RowForm
              action={inviteDelegateAction}
              hidden={{}}
              submitLabel={t('profile.invite')}
              fields={[
                { name: 'email', label: t('login.email'), kind: 'text', width: 'w-52' },
                { name: 'relation', label: t('profile.relation'), kind: 'text', width: 'w-28' },
              ]}
            />
          </Section>
        </>
      )}
    </>
  )
}
