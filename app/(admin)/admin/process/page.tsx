import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { saveCannedReplyAction, saveCategoryLabelsAction, saveChecklistStepAction } from '@/lib/catalog/actions'
import { categoryLabels, listCatalog } from '@/lib/catalog/service'
import { CATEGORIES, categoryFields } from '@/lib/requests/schemas'
import { RowForm } from '@/components/ui/row-form'

export const dynamic = 'force-dynamic'

export default async function ProcessPage() {
  const actor = await requirePageActor('system.configure')
  const t = await getTranslations()
  const [{ steps, canned }, labels] = await Promise.all([listCatalog(actor), categoryLabels()])
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{t('admin.process')}</h1>
      {CATEGORIES.map((category) => (
        <section
          key={category}
          className="mb-6 rounded-2xl border border-line bg-white px-4 py-3"
          data-testid={`process-${category}`}
        >
          <h2 className="font-medium">{t(`categories.${category}`)}</h2>
          <h3 className="mt-2 text-xs uppercase tracking-wide text-ink-soft">{t('admin.labels')}</h3>
          <RowForm
            action={saveCategoryLabelsAction}
            hidden={{ category }}
            submitLabel={t('admin.save')}
            fields={[
              {
                name: 'nameZh',
                label: t('admin.nameZh'),
                kind: 'text',
                value: labels[category]?.name.zh ?? t(`categories.${category}`),
                width: 'w-28',
              },
              {
                name: 'nameEn',
                label: t('admin.nameEn'),
                kind: 'text',
                value: labels[category]?.name.en ?? '',
                width: 'w-28',
              },
              ...categoryFields[category].flatMap((f) => [
                {
                  name: `labels.${f}.zh`,
                  label: `${t(`fields.${f}` as 'fields.service')} (中文)`,
                  kind: 'text' as const,
                  value: labels[category]?.fields[f]?.zh ?? '',
                  width: 'w-32',
                },
                {
                  name: `labels.${f}.en`,
                  label: `${t(`fields.${f}` as 'fields.service')} (EN)`,
                  kind: 'text' as const,
                  value: labels[category]?.fields[f]?.en ?? '',
                  width: 'w-32',
                },
              ]),
            ]}
          />
          <h3 className="mt-2 text-xs uppercase tracking-wide text-ink-soft">{t('process.title')}</h3>
          {[...steps.filter((s) => s.category === category), null].map((s) => (
            <RowForm
              key={s?.id ?? 'new'}
              action={saveChecklistStepAction}
              hidden={{ id: s?.id ?? '', category }}
              submitLabel={s ? t('admin.save') : t('admin.addRow')}
              fields={[
                {
                  name: 'position',
                  label: t('admin.position'),
                  kind: 'number',
                  value: s?.position ?? steps.filter((x) => x.category === category).length,
                  width: 'w-16',
                },
                { name: 'labelZh', label: t('admin.labelZh'), kind: 'text', value: s?.labelZh, width: 'w-64' },
                { name: 'labelEn', label: t('admin.labelEn'), kind: 'text', value: s?.labelEn, width: 'w-64' },
                { name: 'active', label: t('admin.active'), kind: 'checkbox', value: s?.active ?? true },
              ]}
            />
          ))}
          <h3 className="mt-4 text-xs uppercase tracking-wide text-ink-soft">{t('admin.cannedReplies')}</h3>
          {[...canned.filter((c) => c.category === category), null].map((c) => (
            <RowForm
              key={c?.id ?? 'new'}
              action={saveCannedReplyAction}
              hidden={{ id: c?.id ?? '', category }}
              submitLabel={c ? t('admin.save') : t('admin.addRow')}
              fields={[
                {
                  name: 'locale',
                  label: t('common.language'),
                  kind: 'select',
                  value: c?.locale ?? 'zh_CN',
                  options: [
                    { value: 'zh_CN', label: '中文' },
                    { value: 'en', label: 'English' },
                  ],
                },
                { name: 'title', label: t('admin.cannedTitle'), kind: 'text', value: c?.title, width: 'w-40' },
                { name: 'body', label: t('admin.cannedBody'), kind: 'textarea', value: c?.body },
              ]}
            />
          ))}
        </section>
      ))}
    </>
  )
}
