import { getLocale, getTranslations } from 'next-intl/server'
import { ConnectWechatCard } from '@/components/channels/connect-wechat-card'
import { DownloadMyData } from '@/components/privacy/download-my-data'
import { can } from '@/lib/auth/policy'
import { requirePageActor } from '@/lib/next/guards'
import { formatCalendarDate, formatZone, type FriendlyLocale } from '@/lib/i18n/friendly'
import { COMMON_ZONES } from '@/lib/i18n/zones'
import { PushDevicesCard } from '@/components/push/push-devices-card'
import { getOwnProfile } from '@/lib/clients/profile'
import {
  deleteFamilyMemberAction,
  deleteKeyDateAction,
  deletePreferenceAction,
  inviteDelegateAction,
  saveFamilyMemberAction,
  saveKeyDateAction,
  savePreferenceAction,
} from '@/lib/clients/profile-actions'
import { Sheet } from '@/components/ui/sheet'
import { SettingsForm } from '@/components/portal/settings-form'
import { SheetForm, type SheetField } from '@/components/portal/sheet-form'
import { ProfileCard, ProfileRow, editTrigger } from '@/components/portal/profile-card'
import { RevokeDelegate } from '@/components/portal/revoke-delegate'

export const dynamic = 'force-dynamic'

const KINDS = ['BIRTHDAY', 'ANNIVERSARY', 'TRIP', 'OTHER'] as const

// The client's profile as read-only cards; each record opens in a sheet to edit, with labelled
// fields and real date pickers; deleting and revoking ask first.
export default async function ProfilePage() {
  const actor = await requirePageActor('portal.use')
  const t = await getTranslations()
  const locale = (await getLocale()) as FriendlyLocale
  const p = (await getOwnProfile(actor))!
  const day = (iso: string | null) => (iso ? formatCalendarDate(iso, locale) : null)
  const edit = (what: string) => (
    <>
      {t('profile.edit')}
      <span className="sr-only"> {what}</span>
    </>
  )
  const add = <>{t('profile.add')}</>

  const preferenceFields = (x?: { topic: string; value: string }): SheetField[] => [
    { name: 'topic', label: t('profile.topic'), kind: 'text', value: x?.topic },
    { name: 'value', label: t('profile.value'), kind: 'text', value: x?.value },
  ]
  const familyFields = (f?: (typeof p.family)[number]): SheetField[] => [
    { name: 'name', label: t('profile.name'), kind: 'text', value: f?.name },
    { name: 'relation', label: t('profile.relation'), kind: 'text', value: f?.relation },
    { name: 'birthday', label: t('profile.birthdayLabel'), kind: 'date', value: f?.birthday },
    { name: 'phone', label: t('profile.phone'), kind: 'tel', value: f?.phone },
  ]
  const keyDateFields = (k?: (typeof p.keyDates)[number]): SheetField[] => [
    {
      name: 'kind',
      label: t('profile.kind'),
      kind: 'select',
      value: k?.kind ?? 'BIRTHDAY',
      options: KINDS.map((v) => ({ value: v, label: t(`care.kind.${v}`) })),
    },
    { name: 'label', label: t('profile.label'), kind: 'text', value: k?.label },
    { name: 'date', label: t('profile.dateLabel'), kind: 'date', value: k?.date },
    {
      name: 'familyMemberId',
      label: t('profile.who'),
      kind: 'select',
      value: k?.familyMemberId ?? '',
      options: [{ value: '', label: t('profile.me') }, ...p.family.map((f) => ({ value: f.id, label: f.name }))],
    },
    { name: 'recurring', label: t('profile.yearly'), kind: 'checkbox', value: k?.recurring ?? true },
  ]
  const zones = [...new Set([p.settings.timeZone, ...COMMON_ZONES])].map((z) => ({
    value: z,
    label: formatZone(z, locale),
  }))
  const familyName = (id: string | null) => p.family.find((f) => f.id === id)?.name ?? t('profile.me')

  return (
    <>
      <h1 className="text-xl font-semibold">{t('profile.title')}</h1>
      <ProfileCard
        title={t('profile.settings')}
        testId="settings"
        action={
          <Sheet title={t('profile.settings')} trigger={edit(t('profile.settings'))} triggerClassName={editTrigger}>
            <SettingsForm language={p.settings.locale} timeZone={p.settings.timeZone} zones={zones} />
          </Sheet>
        }
      >
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-xs text-ink-soft">{t('profile.language')}</dt>
            <dd className="font-medium">{p.settings.locale === 'en' ? 'English' : '中文'}</dd>
          </div>
          <div>
            <dt className="text-xs text-ink-soft">{t('profile.timeZone')}</dt>
            <dd className="font-medium" data-testid="profile-zone">
              {formatZone(p.settings.timeZone, locale)}
            </dd>
          </div>
        </dl>
      </ProfileCard>
      <ConnectWechatCard actor={actor} />
      <DownloadMyData actor={actor} />
      <PushDevicesCard actor={actor} />
      {can(actor, 'profile.manage') && (
        <>
          <ProfileCard
            title={t('profile.preferences')}
            hint={t('profile.preferencesHint')}
            testId="preferences"
            action={
              <Sheet title={t('profile.addPreference')} trigger={add} triggerClassName={editTrigger}>
                <SheetForm
                  id=""
                  action={savePreferenceAction}
                  fields={preferenceFields()}
                  submitLabel={t('profile.add')}
                />
              </Sheet>
            }
          >
            <List empty={t('profile.nonePreferences')}>
              {p.preferences.map((x) => (
                <ProfileRow
                  key={x.id}
                  title={x.topic}
                  detail={x.value}
                  action={
                    <Sheet title={x.topic} trigger={edit(x.topic)} triggerClassName={editTrigger}>
                      <SheetForm
                        id={x.id}
                        action={savePreferenceAction}
                        onDelete={deletePreferenceAction}
                        fields={preferenceFields(x)}
                        submitLabel={t('admin.save')}
                        deleteLabel={t('common.delete')}
                        deleteQuestion={t('profile.deleteQuestion', { name: x.topic })}
                      />
                    </Sheet>
                  }
                />
              ))}
            </List>
          </ProfileCard>

          <ProfileCard
            title={t('profile.family')}
            testId="family"
            action={
              <Sheet title={t('profile.addFamily')} trigger={add} triggerClassName={editTrigger}>
                <SheetForm
                  id=""
                  action={saveFamilyMemberAction}
                  fields={familyFields()}
                  submitLabel={t('profile.add')}
                />
              </Sheet>
            }
          >
            <List empty={t('profile.noneFamily')}>
              {p.family.map((f) => (
                <ProfileRow
                  key={f.id}
                  testId="family-member"
                  title={`${f.name} · ${f.relation}`}
                  detail={[day(f.birthday), f.phone].filter(Boolean).join(' · ') || undefined}
                  action={
                    <Sheet title={f.name} trigger={edit(f.name)} triggerClassName={editTrigger}>
                      <SheetForm
                        id={f.id}
                        action={saveFamilyMemberAction}
                        onDelete={deleteFamilyMemberAction}
                        fields={familyFields(f)}
                        submitLabel={t('admin.save')}
                        deleteLabel={t('common.delete')}
                        deleteQuestion={t('profile.deleteQuestion', { name: f.name })}
                      />
                    </Sheet>
                  }
                />
              ))}
            </List>
          </ProfileCard>

          <ProfileCard
            title={t('profile.keyDates')}
            hint={t('profile.keyDatesHint')}
            testId="key-dates"
            action={
              <Sheet title={t('profile.addKeyDate')} trigger={add} triggerClassName={editTrigger}>
                <SheetForm id="" action={saveKeyDateAction} fields={keyDateFields()} submitLabel={t('profile.add')} />
              </Sheet>
            }
          >
            <List empty={t('profile.noneKeyDates')}>
              {p.keyDates.map((k) => (
                <ProfileRow
                  key={k.id}
                  title={`${k.label} · ${day(k.date)}`}
                  detail={[
                    t(`care.kind.${k.kind}`),
                    familyName(k.familyMemberId),
                    k.recurring ? t('profile.yearly') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  action={
                    <Sheet title={k.label} trigger={edit(k.label)} triggerClassName={editTrigger}>
                      <SheetForm
                        id={k.id}
                        action={saveKeyDateAction}
                        onDelete={deleteKeyDateAction}
                        fields={keyDateFields(k)}
                        submitLabel={t('admin.save')}
                        deleteLabel={t('common.delete')}
                        deleteQuestion={t('profile.deleteQuestion', { name: k.label })}
                      />
                    </Sheet>
                  }
                />
              ))}
            </List>
          </ProfileCard>

          <ProfileCard
            title={t('profile.delegates')}
            hint={t('profile.delegatesHint')}
            testId="delegates"
            action={
              <Sheet title={t('profile.inviteTitle')} trigger={t('profile.invite')} triggerClassName={editTrigger}>
                <SheetForm
                  id=""
                  action={inviteDelegateAction}
                  fields={[
                    { name: 'email', label: t('login.email'), kind: 'email' },
                    { name: 'relation', label: t('profile.relation'), kind: 'text' },
                  ]}
                  submitLabel={t('profile.sendInvite')}
                />
              </Sheet>
            }
          >
            <List empty={t('profile.noneDelegates')}>
              {p.delegates.map((d) => (
                <ProfileRow
                  key={d.id}
                  testId="delegate"
                  title={d.email}
                  detail={`${d.relation} · ${t(`client360.delegateStatus.${d.status}`)}`}
                  action={<RevokeDelegate id={d.id} email={d.email} />}
                />
              ))}
            </List>
          </ProfileCard>
        </>
      )}
    </>
  )
}

function List({ empty, children }: { empty: string; children: React.ReactNode[] }) {
  if (children.length === 0) return <p className="text-sm text-ink-soft">{empty}</p>
  return <ul>{children}</ul>
}
