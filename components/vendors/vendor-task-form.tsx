'use client'

import { useTranslations } from 'next-intl'
import { createVendorTaskAction } from '@/lib/vendors/actions'
import { CURRENCIES } from '@/lib/vendors/schemas'
import { CompactInput, CompactSelect, CompactSubmit } from '@/components/forms/compact-fields'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'

type Vendor = { id: string; name: string; kind: string; city: string | null }

// The cost's currency starts as the client's own (from where they live), as the vendor bills it.
export function VendorTaskForm({
  requestId,
  vendors,
  clientCurrency,
}: {
  requestId: string
  vendors: Vendor[]
  clientCurrency: string
}) {
  const t = useTranslations('vendors')
  const { formProps, pending, fieldError, formError, data } = useActionForm(createVendorTaskAction)
  return (
    <form {...formProps} className="mt-3 space-y-2 border-t border-line pt-3" aria-label={t('new')}>
      <input type="hidden" name="requestId" value={requestId} />
      <CompactSelect
        id="vt-vendor"
        name="vendorId"
        label={t('vendor')}
        choose={t('choose')}
        error={fieldError('vendorId')}
      >
        {vendors.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name} · {v.kind}
            {v.city ? ` · ${v.city}` : ''}
          </option>
        ))}
      </CompactSelect>
      <CompactInput
        id="vt-description"
        name="description"
        maxLength={1000}
        label={t('description')}
        error={fieldError('description')}
      />
      <div className="grid grid-cols-[1fr_6rem] gap-2">
        <CompactInput id="vt-cost" name="cost" inputMode="decimal" label={t('cost')} error={fieldError('cost')} />
        <CompactSelect id="vt-currency" name="currency" defaultValue={clientCurrency} label={t('currency')}>
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </CompactSelect>
      </div>
      <CompactInput id="vt-due" name="dueAt" type="datetime-local" label={t('due')} error={fieldError('dueAt')} />
      <FormMessage message={formError} className="text-sm" />
      {data && (
        <p className="text-xs text-ok">{data.status === 'PENDING_APPROVAL' ? t('sentForApproval') : t('requested')}</p>
      )}
      <CompactSubmit pending={pending}>{t('add')}</CompactSubmit>
    </form>
  )
}
