import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { assignClientAction, bulkReassignAction, setAuthorityLimitAction } from '@/lib/staff/actions'
import { teamOverview } from '@/lib/staff/queries'
import { RowForm } from '@/components/ui/row-form'

export const dynamic = 'force-dynamic'

export default async function TeamPage() {
  const actor = await requirePageActor('team.lead')
  const t = await getTranslations()
  const { butlers, clients } = await teamOverview(actor)
  const active = butlers.filter((b) => !b.disabled)
  const options = [{ value: '', label: '—' }, ...active.map((b) => ({ value: b.id, label: b.name }))]
  const card = 'rounded-2xl border border-line bg-white px-4 py-3'
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={card}>
          <h2 className="font-medium">{t('team.butlers')}</h2>
          <p className="text-xs text-ink-soft">{t('team.limitHint')}</p>
          {butlers.map((b) => (
            <div key={b.id} className="flex flex-wrap items-center justify-between gap-2" data-testid="team-butler">
              <span className="text-sm">
                {b.name} · {b.disabled ? t('admin.disabled') : b.onDuty ? t('console.onDuty') : t('console.offDuty')}
                <span className="ml-2 text-xs text-ink-soft">
                  {t('team.load', { dedicated: b.dedicated, backup: b.backup, open: b.openRequests })}
                </span>
              </span>
              <RowForm
                action={setAuthorityLimitAction}
                hidden={{ butlerId: b.id }}
                submitLabel={t('admin.save')}
                fields={[
                  { name: 'limit', label: t('team.limit'), kind: 'number', value: b.limit ?? '0', width: 'w-28' },
                ]}
              />
            </div>
          ))}
        </section>
        <section className={card}>
          <h2 className="font-medium">{t('team.bulk')}</h2>
          <p className="text-xs text-ink-soft">{t('team.bulkHint')}</p>
          <RowForm
            action={bulkReassignAction}
            hidden={{}}
            submitLabel={t('team.move')}
            fields={[
              {
                name: 'fromButlerId',
                label: t('team.from'),
                kind: 'select',
                value: '',
                options: [
                  { value: '', label: t('team.from') },
                  ...butlers.map((b) => ({ value: b.id, label: b.name })),
                ],
              },
              {
                name: 'toButlerId',
                label: t('team.to'),
                kind: 'select',
                value: '',
                options: [{ value: '', label: t('team.to') }, ...active.map((b) => ({ value: b.id, label: b.name }))],
              },
              {
                name: 'scope',
                label: t('team.scope'),
                kind: 'select',
                value: 'both',
                options: (['both', 'dedicated', 'backup'] as const).map((v) => ({
                  value: v,
                  label: t(`team.scopes.${v}`),
                })),
              },
            ]}
          />
        </section>
      </div>
      <section className={`${card} mt-6`}>
        <h2 className="font-medium">{t('team.assignments')}</h2>
        {clients.map((c) => (
          <div key={c.id} className="flex flex-wrap items-center justify-between gap-2" data-testid="assignment">
            <span className="w-48 text-sm">
              {c.displayName} <span className="text-xs text-ink-soft">{t(`tiers.${c.tier}`)}</span>
            </span>
            <RowForm
              action={assignClientAction}
              hidden={{ clientId: c.id }}
              submitLabel={t('admin.save')}
              fields={[
                {
                  name: 'dedicatedButlerId',
                  label: t('client360.dedicated'),
                  kind: 'select',
                  value: c.dedicatedButlerId ?? '',
                  options,
                },
                {
                  name: 'backupButlerId',
                  label: t('client360.backup'),
                  kind: 'select',
                  value: c.backupButlerId ?? '',
                  options,
                },
              ]}
            />
          </div>
        ))}
      </section>
    </>
  )
}
