'use client'

import { useTranslations } from 'next-intl'
import { updateSettingsAction } from '@/lib/clients/profile-actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { useSheet } from '@/components/ui/sheet'

// Zones come labelled by the server ("London (GMT+0)"): the browser's own zone data could word
// an offset differently and the page would not hydrate.
export function SettingsForm({
  language,
  timeZone,
  zones,
}: {
  language: 'zh_CN' | 'en'
  timeZone: string
  zones: { value: string; label: string }[]
}) {
  const t = useTranslations('profile')
  const sheet = useSheet()
  const { formProps, pending, anyError } = useActionForm(updateSettingsAction, {
    reset: false,
    onSuccess: () => sheet?.close(),
  })
  return (
    <form {...formProps} className="grid gap-4">
      <div>
        <label htmlFor="set-language" className="mb-1 block text-sm font-medium text-ink-soft">
          {t('language')}
        </label>
        <select
          id="set-language"
          name="language"
          defaultValue={language}
          className="min-h-11 w-full rounded-xl border border-line bg-white px-3 text-base"
        >
          <option value="zh_CN">中文</option>
          <option value="en">English</option>
        </select>
      </div>
      <div>
        <label htmlFor="set-zone" className="mb-1 block text-sm font-medium text-ink-soft">
          {t('timeZone')}
        </label>
        <select
          id="set-zone"
          name="timeZone"
          defaultValue={timeZone}
          className="min-h-11 w-full rounded-xl border border-line bg-white px-3 text-base"
        >
          {zones.map((z) => (
            <option key={z.value} value={z.value}>
              {z.label}
            </option>
          ))}
        </select>
      </div>
      <FormMessage message={anyError} className="text-sm" />
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-xl bg-ink text-sm font-medium text-ivory disabled:opacity-50"
      >
        {t('saveSettings')}
      </button>
    </form>
  )
}
