import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { saveTeamContactAction } from '@/lib/presence/actions'
import { teamContact } from '@/lib/presence/team-contact'
import { RowForm } from '@/components/ui/row-form'

export const dynamic = 'force-dynamic'

// The team's 24x7 phone number and WeCom contact link: the portal's butler card and the offline
// page show them to clients.
export default async function TeamContactPage() {
  await requirePageActor('system.configure')
  const t = await getTranslations('presence.teamContact')
  const c = await teamContact()
  return (
    <>
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="mb-4 text-sm text-ink-soft">{t('hint')}</p>
      <div className="rounded-2xl border border-line bg-white px-4" data-testid="team-contact">
        <RowForm
          action={saveTeamContactAction}
          hidden={{}}
          submitLabel={t('save')}
          fields={[
            { name: 'phone', label: t('phone'), kind: 'text', value: c.phone, width: 'w-56' },
            { name: 'wecomUrl', label: t('wecomUrl'), kind: 'text', value: c.wecomUrl, width: 'w-96' },
          ]}
        />
      </div>
    </>
  )
}
