import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { saveRiskRuleAction } from '@/lib/risk/actions'
import { RISK_RULE_KINDS, RISK_SERVICES } from '@/lib/risk/schemas'
import { listRiskRules } from '@/lib/risk/service'
import { CATEGORIES } from '@/lib/requests/schemas'
import { CURRENCIES } from '@/lib/vendors/schemas'
import { RowForm, type RowField } from '@/components/ui/row-form'

export const dynamic = 'force-dynamic'

export default async function RiskRulesPage() {
  const actor = await requirePageActor('system.configure')
  const t = await getTranslations()
  const rules = await listRiskRules(actor)
  const blank = { value: '', label: t('risk.none') }
  const fields = (r?: (typeof rules)[number]): RowField[] => [
    {
      name: 'kind',
      label: t('risk.kind'),
      kind: 'select',
      value: r?.kind ?? 'KEYWORD',
      options: RISK_RULE_KINDS.map((k) => ({ value: k, label: t(`risk.kinds.${k}`) })),
    },
    { name: 'label', label: t('risk.label'), kind: 'text', value: r?.label, width: 'w-56' },
    {
      name: 'category',
      label: t('risk.category'),
      kind: 'select',
      value: r?.category ?? '',
      options: [blank, ...CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))],
    },
    {
      name: 'service',
      label: t('risk.service'),
      kind: 'select',
      value: r?.service ?? '',
      options: [
        { value: '', label: t('risk.anyService') },
        ...RISK_SERVICES.map((s) => ({ value: s, label: t(`services.${s}`) })),
      ],
    },
    { name: 'keywords', label: t('risk.keywords'), kind: 'text', value: r?.keywords.join(', '), width: 'w-56' },
    { name: 'threshold', label: t('risk.threshold'), kind: 'number', value: r?.threshold, width: 'w-28' },
    {
      name: 'currency',
      label: t('risk.currency'),
      kind: 'select',
      value: r?.currency ?? '',
      options: [blank, ...CURRENCIES.map((c) => ({ value: c, label: c }))],
    },
    { name: 'days', label: t('risk.days'), kind: 'number', value: r?.days, width: 'w-20' },
    { name: 'active', label: t('risk.active'), kind: 'checkbox', value: r?.active ?? true },
  ]
  return (
    <>
      <h1 className="text-xl font-semibold">{t('risk.title')}</h1>
      <p className="mt-1 mb-3 max-w-3xl text-sm text-ink-soft">{t('risk.hint')}</p>
      <dl className="mb-4 grid max-w-4xl gap-x-4 gap-y-1 text-xs text-ink-soft sm:grid-cols-[12rem_1fr]">
        {RISK_RULE_KINDS.map((k) => (
          <div key={k} className="contents">
            <dt className="font-medium text-ink">{t(`risk.kinds.${k}`)}</dt>
            <dd>{t(`risk.kindHints.${k}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="rounded-2xl border border-line bg-white px-4" data-testid="risk-rules">
        {rules.map((r) => (
          <RowForm
            key={`${r.id}-${r.version}`}
            action={saveRiskRuleAction}
            hidden={{ id: r.id, version: String(r.version) }}
            fields={fields(r)}
            submitLabel={t('risk.save')}
          />
        ))}
        <RowForm action={saveRiskRuleAction} hidden={{ id: '' }} fields={fields()} submitLabel={t('risk.add')} />
      </div>
    </>
  )
}
