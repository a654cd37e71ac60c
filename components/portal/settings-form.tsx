'use client'

import { useTranslations } from 'next-intl'
import { updateSettingsAction } from '@/lib/clients/profile-actions'
import { SelectField, SubmitRow } from '@/components/forms/fields'
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
      <SelectField id="set-language" name="language" label={t('language')} defaultValue={language}>
        <option value="zh_CN">中文</option>
        <option value="en">English</option>
      </SelectField>
      <SelectField id="set-zone" name="timeZone" label={t('timeZone')} defaultValue={timeZone}>
        {zones.map((z) => (
          <option key={z.value} value={z.value}>
            {z.label}
          </option>
        ))}
      </SelectField>
      <SubmitRow pending={pending} error={anyError}>
        {t('saveSettings')}
      </SubmitRow>
    </form>
  )
}
