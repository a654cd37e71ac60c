'use client'

import { useTranslations } from 'next-intl'
import { updateSettingsAction } from '@/lib/clients/profile-actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { COMMON_ZONES } from '@/lib/i18n/zones'

export function SettingsForm({ language, timeZone }: { language: 'zh_CN' | 'en'; timeZone: string }) {
  const t = useTranslations('profile')
  const { formProps, pending, anyError } = useActionForm(updateSettingsAction, { reset: false })
  const zones = COMMON_ZONES.includes(timeZone as (typeof COMMON_ZONES)[number])
    ? COMMON_ZONES
    : [timeZone, ...COMMON_ZONES]
  return (
    <form {...formProps} className="grid grid-cols-2 gap-3">
      <div>
        <label htmlFor="set-language" className="mb-1 block text-sm text-ink-soft">
          {t('language')}
        </label>
        <select
          id="set-language"
          name="language"
          defaultValue={language}
          className="min-h-11 w-full rounded-xl border border-line bg-white px-2"
        >
          <option value="zh_CN">中文</option>
          <option value="en">English</option>
        </select>
      </div>
      <div>
        <label htmlFor="set-zone" className="mb-1 block text-sm text-ink-soft">
          {t('timeZone')}
        </label>
        <select
          id="set-zone"
          name="timeZone"
          defaultValue={timeZone}
          className="min-h-11 w-full rounded-xl border border-line bg-white px-2"
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace('_', ' ')}
            </option>
          ))}
        </select>
      </div>
      <FormMessage message={anyError} className="col-span-2 text-sm" />
      <button
        type="submit"
        disabled={pending}
        className="col-span-2 min-h-11 rounded-xl bg-ink text-sm text-ivory disabled:opacity-50"
      >
        {t('saveSettings')}
      </button>
    </form>
  )
}
