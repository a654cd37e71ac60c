import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { saveVendorAction } from '@/lib/catalog/actions'
import { listCatalog } from '@/lib/catalog/service'
import { RowForm, type RowField } from '@/components/ui/row-form'

export const dynamic = 'force-dynamic'

const KINDS = ['car', 'hotel', 'hospital', 'restaurant', 'lounge', 'airline', 'school', 'events', 'other'] as const

export default async function VendorsPage() {
  const actor = await requirePageActor('system.configure')
  const t = await getTranslations('admin')
  const { vendors } = await listCatalog(actor)
  const fields = (v?: (typeof vendors)[number]): RowField[] => [
    { name: 'name', label: t('vendorName'), kind: 'text', value: v?.name, width: 'w-72' },
    {
      name: 'kind',
      label: t('vendorKind'),
      kind: 'select',
      value: v?.kind ?? 'car',
      options: KINDS.map((k) => ({ value: k, label: t(`vendorKinds.${k}`) })),
    },
    { name: 'city', label: t('city'), kind: 'text', value: v?.city, width: 'w-32' },
    { name: 'contact', label: t('contact'), kind: 'text', value: v?.contact, width: 'w-56' },
    { name: 'active', label: t('active'), kind: 'checkbox', value: v?.active ?? true },
  ]
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{t('vendors')}</h1>
      <div className="rounded-2xl border border-line bg-white px-4">
        {vendors.map((v) => (
          <RowForm
            key={v.id}
            action={saveVendorAction}
            hidden={{ id: v.id }}
            fields={fields(v)}
            submitLabel={t('save')}
          />
        ))}
        <RowForm action={saveVendorAction} hidden={{ id: '' }} fields={fields()} submitLabel={t('addRow')} />
      </div>
    </>
  )
}
