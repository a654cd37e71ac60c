'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { updateSettingsAction } from '@/lib/clients/profile-actions'
import { COMMON_ZONES } from '@/lib/i18n/zones'

export function SettingsForm({ language, timeZone }: { language: 'zh_CN' | 'en'; timeZone: string }) {
  const t = useTranslations('profile')
  const router = useRouter()
  const [state, action, pending] = useActionState<ActionResult<unknown> | null, FormData>(async (_p, form) => {
    const r = await updateSettingsAction(form)
    if (r.ok) router.refresh()
    return r
  }, null)
  const zones = COMMON_ZONES.includes(timeZone as (typeof COMMON_ZONES)[number]) ? COMMON_ZONES : [timeZone, ...COMMON_ZONES]
  return (
    <form action={action} className="grid grid-cols-2 gap-3">
      <div>
        <label htmlFor="set-language" className="mb-1 block text-sm text-ink-soft">{t('language')}</label>
        <select id="set-language" name="language" defaultValue={language} className="min-h-11 w-full rounded-xl border border-line bg-white px-2">
          <option value="zh_CN">中文</option>
          <option value="en">English</option>
        </select>
      </div>
      <div>
        <label htmlFor="set-zone" className="mb-1 block text-sm text-ink-soft">{t('timeZone')}</label>
        <select id="set-zone" name="timeZone" defaultValue={timeZone} className="min-h-11 w-full rounded-xl border border-line bg-white px-2">
          {zones.map((z) => <option key={z} value={z}>{z.replace('_', ' ')}</option>)}
        </select>
      </div>
      {state && !state.ok && <p role="alert" className="col-span-2 text-sm text-bad">{state.fieldErrors?.timeZone ?? state.message}</p>}
      <button type="submit" disabled={pending} className="col-span-2 min-h-11 rounded-xl bg-ink text-sm text-ivory disabled:opacity-50">{t('saveSettings')}</button>
    </form>
  )
}
