'use client'

import { useTranslations } from 'next-intl'
import { deactivatePolicyAction, savePolicyAction } from '@/lib/sla/actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import { CompactSubmit } from '@/components/forms/compact-fields'

export type PolicyRow = {
  id: string
  kind: string
  category: string | null
  tier: string | null
  targetSeconds: number
  atRiskSeconds: number | null
  handoffSeconds: number | null
  active: boolean
  version: number
}

const KINDS = ['FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION'] as const
const CATEGORIES = ['TRAVEL', 'HEALTH', 'EDUCATION', 'LIVING', 'OTHER'] as const
const TIERS = ['DIAMOND', 'BLACK_DIAMOND', 'PRIVATE'] as const

// One row of the policy table, editable in place; without a policy it adds a new one.
export function PolicyForm({ policy }: { policy?: PolicyRow }) {
  const t = useTranslations()
  const { formProps, pending, fieldError, formError, succeeded } = useActionForm(savePolicyAction, {
    reset: !policy,
  })
  const id = policy?.id ?? 'new'
  const cell = 'px-2 py-2 align-top'
  // A time in the unit it reads best in: whole hours as hours, anything else in minutes.
  const input = (name: string, value: number | null | undefined, label: string) => {
    const inHours = value != null && value >= 3600 && value % 3600 === 0
    const amount = value == null ? '' : inHours ? value / 3600 : Math.round((value / 60) * 100) / 100
    return (
      <td className={cell}>
        <span className="flex items-center gap-1">
          <input
            aria-label={label}
            name={`${name}.amount`}
            defaultValue={amount}
            inputMode="decimal"
            form={`policy-${id}`}
            aria-invalid={fieldError(name) ? true : undefined}
            className={`w-16 rounded-lg border bg-white px-2 py-1 text-sm tabular-nums ${fieldError(name) ? 'border-bad' : 'border-line'}`}
          />
          <select
            aria-label={t('admin.unitOf', { field: label })}
            name={`${name}.unit`}
            defaultValue={inHours ? 'h' : 'min'}
            form={`policy-${id}`}
            className="rounded-lg border border-line bg-white px-1 py-1 text-sm"
          >
            <option value="min">{t('admin.minutes')}</option>
            <option value="h">{t('admin.hours')}</option>
          </select>
        </span>
        <FormMessage message={fieldError(name)} className="max-w-40" />
      </td>
    )
  }
  const select = (
    name: string,
    value: string | null | undefined,
    options: readonly string[],
    ns: string,
    any: boolean,
  ) => (
    <td className={cell}>
      <select
        aria-label={t(`admin.${name}` as 'admin.kind')}
        name={name}
        defaultValue={value ?? ''}
        form={`policy-${id}`}
        className="rounded-lg border border-line bg-white px-2 py-1 text-sm"
      >
        {any && <option value="">{t('admin.any')}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${ns}.${o}` as 'sla.RESOLUTION')}
          </option>
        ))}
      </select>
    </td>
  )
  return (
    <tr className={policy && !policy.active ? 'opacity-50' : ''} data-testid={`policy-${id}`}>
      {select('kind', policy?.kind ?? 'FIRST_RESPONSE', KINDS, 'sla', false)}
      {select('category', policy?.category, CATEGORIES, 'categories', true)}
      {select('tier', policy?.tier, TIERS, 'tiers', true)}
      {input('targetSeconds', policy?.targetSeconds, t('admin.target'))}
      {input('atRiskSeconds', policy?.atRiskSeconds, t('admin.atRisk'))}
      {input('handoffSeconds', policy?.handoffSeconds, t('admin.handoff'))}
      <td className={cell}>
        <form id={`policy-${id}`} {...formProps} className="flex items-center gap-2">
          {policy && <input type="hidden" name="id" value={policy.id} />}
          {policy && <input type="hidden" name="version" value={policy.version} />}
          {policy && !policy.active ? (
            <span className="text-xs text-ink-soft">{t('admin.inactive')}</span>
          ) : (
            <>
              <CompactSubmit pending={pending} fit="tight" name="intent" value="save">
                {policy ? t('admin.save') : t('admin.add')}
              </CompactSubmit>
              {policy && (
                <ConfirmActionButton
                  action={deactivatePolicyAction}
                  input={{ id: policy.id, version: policy.version }}
                  label={t('admin.deactivate')}
                  question={t('admin.confirmDeactivate')}
                  confirmLabel={t('admin.deactivate')}
                  cancelLabel={t('admin.keep')}
                />
              )}
            </>
          )}
        </form>
        <FormMessage message={formError} className="max-w-56" />
        {succeeded && <p className="mt-1 max-w-56 text-xs text-ok">{t('admin.saved')}</p>}
      </td>
    </tr>
  )
}
