'use client'

import { useTranslations } from 'next-intl'
import { createVendorTaskAction } from '@/lib/vendors/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { CURRENCIES } from '@/lib/vendors/schemas'

type Vendor = { id: string; name: string; kind: string; city: string | null }

export function VendorTaskForm({ requestId, vendors }: { requestId: string; vendors: Vendor[] }) {
  const t = useTranslations('vendors')
  const { formProps, pending, fieldError, formError, data } = useActionForm(createVendorTaskAction)
  const field = 'block w-full rounded-lg border bg-white px-2 py-1.5 text-sm'
  return (
    <form {...formProps} className="mt-3 space-y-2 border-t border-line pt-3" aria-label={t('new')}>
      <input type="hidden" name="requestId" value={requestId} />
      <div>
        <label htmlFor="vt-vendor" className="text-xs text-ink-soft">
          {t('vendor')}
        </label>
        <select
          id="vt-vendor"
          name="vendorId"
          defaultValue=""
          className={`${field} ${fieldError('vendorId') ? 'border-bad' : 'border-line'}`}
        >
          <option value="" disabled>
            {t('choose')}
          </option>
          {vendors.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name} · {v.kind}
              {v.city ? ` · ${v.city}` : ''}
            </option>
          ))}
        </select>
        <FormMessage message={fieldError('vendorId')} />
      </div>
      <div>
        <label htmlFor="vt-description" className="text-xs text-ink-soft">
          {t('description')}
        </label>
        <input
          id="vt-description"
          name="description"
          maxLength={1000}
          className={`${field} ${fieldError('description') ? 'border-bad' : 'border-line'}`}
        />
        <FormMessage message={fieldError('description')} />
      </div>
      <div className="grid grid-cols-[1fr_6rem] gap-2">
        <div>
          <label htmlFor="vt-cost" className="text-xs text-ink-soft">
            {t('cost')}
          </label>
          <input
            id="vt-cost"
            name="cost"
            inputMode="decimal"
            className={`${field} ${fieldError('cost') ? 'border-bad' : 'border-line'}`}
          />
          <FormMessage message={fieldError('cost')} />
        </div>
        <div>
          <label htmlFor="vt-currency" className="text-xs text-ink-soft">
            {t('currency')}
          </label>
          <select id="vt-currency" name="currency" defaultValue="CNY" className={`${field} border-line`}>
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor="vt-due" className="text-xs text-ink-soft">
          {t('due')}
        </label>
        <input
          id="vt-due"
          name="dueAt"
          type="datetime-local"
          className={`${field} ${fieldError('dueAt') ? 'border-bad' : 'border-line'}`}
        />
        <FormMessage message={fieldError('dueAt')} />
      </div>
      <FormMessage message={formError} className="text-sm" />
      {data && (
        <p className="text-xs text-ok">{data.status === 'PENDING_APPROVAL' ? t('sentForApproval') : t('requested')}</p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-ink py-1.5 text-sm text-ivory disabled:opacity-50"
      >
        {t('add')}
      </button>
    </form>
  )
}
