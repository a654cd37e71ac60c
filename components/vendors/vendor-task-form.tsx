'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useActionState, useRef } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { createVendorTaskAction } from '@/lib/vendors/actions'
import { CURRENCIES } from '@/lib/vendors/schemas'

type Vendor = { id: string; name: string; kind: string; city: string | null }

export function VendorTaskForm({ requestId, vendors }: { requestId: string; vendors: Vendor[] }) {
  const t = useTranslations('vendors')
  const router = useRouter()
  const ref = useRef<HTMLFormElement>(null)
  const [state, action, pending] = useActionState<ActionResult<{ id: string; status: string }> | null, FormData>(async (_p, form) => {
    const r = await createVendorTaskAction(form)
    if (r.ok) { ref.current?.reset(); router.refresh() }
    return r
  }, null)
  const err = state && !state.ok ? state.fieldErrors ?? {} : {}
  const field = 'block w-full rounded-lg border bg-white px-2 py-1.5 text-sm'
  const msg = (k: string) => err[k] && <p className="mt-1 text-xs text-bad">{err[k]}</p>
  return (
    <form ref={ref} action={action} className="mt-3 space-y-2 border-t border-line pt-3" aria-label={t('new')}>
      <input type="hidden" name="requestId" value={requestId} />
      <div>
        <label htmlFor="vt-vendor" className="text-xs text-ink-soft">{t('vendor')}</label>
        <select id="vt-vendor" name="vendorId" defaultValue="" className={`${field} ${err.vendorId ? 'border-bad' : 'border-line'}`}>
          <option value="" disabled>{t('choose')}</option>
          {vendors.map((v) => <option key={v.id} value={v.id}>{v.name} · {v.kind}{v.city ? ` · ${v.city}` : ''}</option>)}
        </select>
        {msg('vendorId')}
      </div>
      <div>
        <label htmlFor="vt-description" className="text-xs text-ink-soft">{t('description')}</label>
        <input id="vt-description" name="description" maxLength={1000} className={`${field} ${err.description ? 'border-bad' : 'border-line'}`} />
        {msg('description')}
      </div>
      <div className="grid grid-cols-[1fr_6rem] gap-2">
        <div>
          <label htmlFor="vt-cost" className="text-xs text-ink-soft">{t('cost')}</label>
          <input id="vt-cost" name="cost" inputMode="decimal" className={`${field} ${err.cost ? 'border-bad' : 'border-line'}`} />
          {msg('cost')}
        </div>
        <div>
          <label htmlFor="vt-currency" className="text-xs text-ink-soft">{t('currency')}</label>
          <select id="vt-currency" name="currency" defaultValue="CNY" className={`${field} border-line`}>
            {CURRENCIES.map((c) => <option key={c}>{c}</option>)}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor="vt-due" className="text-xs text-ink-soft">{t('due')}</label>
        <input id="vt-due" name="dueAt" type="datetime-local" className={`${field} ${err.dueAt ? 'border-bad' : 'border-line'}`} />
        {msg('dueAt')}
      </div>
      {state && !state.ok && !Object.keys(err).length && <p role="alert" className="text-sm text-bad">{state.message}</p>}
      {state?.ok && <p className="text-xs text-ok">{state.data.status === 'PENDING_APPROVAL' ? t('sentForApproval') : t('requested')}</p>}
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-ink py-1.5 text-sm text-ivory disabled:opacity-50">{t('add')}</button>
    </form>
  )
}
