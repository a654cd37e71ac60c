'use client'

import { useRouter } from 'next/navigation'
import { useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { createRequestAction } from '@/lib/requests/actions'
import { uploadAttachmentAction } from '@/lib/attachments/actions'
import { CATEGORIES, LIVING_SERVICES, TRAVEL_SERVICES, categoryFields, type TCategory } from '@/lib/requests/schemas'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FilePicker } from '@/components/ui/file-picker'
import { ActingFor } from '@/components/portal/acting-for'
import { useActionForm } from '@/components/forms/use-action-form'
import type { CategoryLabels } from '@/lib/catalog/service'
import { SelectField, TextareaField } from '@/components/forms/fields'

const selectOptions: Partial<Record<TCategory, Record<string, readonly string[]>>> = {
  TRAVEL: { service: TRAVEL_SERVICES },
  LIVING: { service: LIVING_SERVICES },
}
const numberFields = new Set(['passengers', 'partySize'])

type ClientOption = {
  id: string
  name: string
  family: { name: string; relation: string }[]
  preferences: { topic: string; value: string }[]
}

export function NewRequestForm({
  clients,
  labels,
  userId,
  actingFor,
}: {
  clients: ClientOption[]
  labels: CategoryLabels
  userId: string
  // A delegate's principals: she is told on whose behalf she files, by the send button.
  actingFor: string[]
}) {
  const t = useTranslations()
  const lang = useLocale() === 'en' ? 'en' : 'zh'
  // Admin-edited wording wins over the built-in one when it is set.
  const categoryName = (c: TCategory) => labels[c]?.name[lang] || t(`categories.${c}`)
  const fieldLabel = (c: TCategory, f: string) => labels[c]?.fields[f]?.[lang] || t(`fields.${f}` as 'fields.service')
  const router = useRouter()
  const [category, setCategory] = useState<TCategory>('TRAVEL')
  const [clientId, setClientId] = useState(clients[0]?.id ?? '')
  const client = clients.find((c) => c.id === clientId) ?? clients[0]
  // Travellers default to the client; ticking family members updates the passenger count.
  const [travellers, setTravellers] = useState<string[]>([])
  const [passengers, setPassengers] = useState('1')
  // The draft (what was typed and its idempotency key) outlives the page until the request is
  // filed: a retry after a lost answer, a double click or a reload files one request, not two.
  const { formProps, pending, fieldError, formError } = useActionForm(
    async (form: FormData): Promise<ActionResult<{ id: string }>> => {
      const file = form.get('attachment')
      form.delete('attachment')
      const result = await createRequestAction(form)
      if (!result.ok || !(file instanceof File) || file.size === 0) return result
      const upload = new FormData()
      upload.set('requestId', result.data.id)
      upload.set('file', file)
      const attached = await uploadAttachmentAction(upload)
      // The request is filed either way; the file can be attached again on its page.
      // Sending again (same key) finds the filed request and retries only the file.
      if (!attached.ok) return { ok: false, message: `${t('portal.createdNoFile')} ${attached.message}` }
      return result
    },
    {
      reset: false,
      refresh: false,
      onSuccess: (created) => router.push(`/portal/requests/${created.id}`),
      draft: {
        form: 'new-request',
        user: userId,
        // Choices the form holds in its own state come back here; typed text is refilled by the kit.
        onRestore: (fields) => {
          const value = (name: string) => fields.find(([n]) => n === name)?.[1]
          const c = value('category')
          if (c && (CATEGORIES as readonly string[]).includes(c)) setCategory(c as TCategory)
          const id = value('clientId')
          if (id && clients.some((x) => x.id === id)) setClientId(id)
          setTravellers(fields.filter(([n]) => n === 'details.travellers[]').map(([, v]) => v))
          const p = value('details.passengers')
          if (p) setPassengers(p)
        },
      },
    },
  )

  return (
    <form {...formProps} className="mt-5 space-y-5" noValidate>
      {clients.length > 1 && (
        <SelectField
          id="f-clientId"
          name="clientId"
          label={t('console.client')}
          value={clientId}
          onChange={(e) => {
            setClientId(e.target.value)
            setTravellers([])
          }}
        >
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      )}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-ink-soft">{t('portal.category')}</legend>
        <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
          {CATEGORIES.map((c) => (
            <label
              key={c}
              className={`flex min-h-11 cursor-pointer items-center justify-center rounded-xl border px-2 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-gold ${category === c ? 'border-ink bg-ink text-ivory' : 'border-line bg-white'}`}
            >
              <input
                type="radio"
                name="category"
                value={c}
                checked={category === c}
                onChange={() => setCategory(c)}
                className="sr-only"
              />
              {categoryName(c)}
            </label>
          ))}
        </div>
        {fieldError('category') && <p className="mt-1 text-sm text-bad">{fieldError('category')}</p>}
      </fieldset>

      <Field label={t('portal.requestTitle')} name="title" error={fieldError('title')} maxLength={120} required />

      {category === 'TRAVEL' && client && client.family.length > 0 && (
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-ink-soft">{t('portal.whoTravels')}</legend>
          <div className="flex flex-wrap gap-2">
            {client.family.map((f) => {
              const on = travellers.includes(f.name)
              return (
                <label
                  key={f.name}
                  className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-xl border px-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-gold ${on ? 'border-ink bg-gold-soft' : 'border-line bg-white'}`}
                >
                  <input
                    type="checkbox"
                    name="details.travellers[]"
                    value={f.name}
                    checked={on}
                    className="sr-only"
                    onChange={() => {
                      const next = on ? travellers.filter((x) => x !== f.name) : [...travellers, f.name]
                      setTravellers(next)
                      setPassengers(String(next.length + 1))
                    }}
                  />
                  {f.name} <span className="text-xs text-ink-soft">{f.relation}</span>
                </label>
              )
            })}
          </div>
        </fieldset>
      )}
      {client && client.preferences.length > 0 && (
        <p className="rounded-xl bg-gold-soft/60 px-3 py-2 text-xs text-ink-soft" data-testid="preferences-hint">
          {t('portal.preferencesHint')} {client.preferences.map((p) => `${p.topic}: ${p.value}`).join(' · ')}
        </p>
      )}

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2" key={category}>
        {categoryFields[category].map((name) => {
          const options = selectOptions[category]?.[name]
          const fieldName = `details.${name}`
          const error = fieldError(fieldName)
          if (options) {
            return (
              <SelectField
                key={name}
                id={`f-${name}`}
                name={fieldName}
                label={fieldLabel(category, name)}
                error={error}
                defaultValue={options[0]}
              >
                {options.map((o) => (
                  <option key={o} value={o}>
                    {t(`services.${o}` as 'services.HOTEL')}
                  </option>
                ))}
              </SelectField>
            )
          }
          return (
            <Field
              key={name}
              label={fieldLabel(category, name)}
              name={fieldName}
              error={error}
              inputMode={numberFields.has(name) ? 'numeric' : undefined}
              list={name === 'patientName' || name === 'studentName' ? 'family-names' : undefined}
              {...(name === 'passengers'
                ? {
                    value: passengers,
                    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setPassengers(e.target.value),
                  }
                : {})}
            />
          )
        })}
      </div>

      <datalist id="family-names">
        {client && [client.name, ...client.family.map((f) => f.name)].map((n) => <option key={n} value={n} />)}
      </datalist>

      <TextareaField
        id="f-description"
        name="description"
        label={t('portal.description')}
        error={fieldError('description')}
        rows={4}
        maxLength={4000}
      />

      <Field label={t('portal.wantedAt')} name="wantedAt" type="datetime-local" error={fieldError('wantedAt')} />

      <div>
        <FilePicker
          id="f-attachment"
          name="attachment"
          label={t('attachments.attach')}
          accept="application/pdf,image/jpeg,image/png,image/webp,image/heic"
          aria-describedby="f-attachment-hint"
        />
        <p id="f-attachment-hint" className="mt-1 text-xs text-ink-soft">
          {t('attachments.hint')}
        </p>
      </div>

      {formError && (
        <p role="alert" className="rounded-xl bg-bad/10 p-3 text-sm text-bad">
          {formError}
        </p>
      )}
      <ActingFor names={actingFor} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('common.sending') : t('portal.create')}
      </Button>
    </form>
  )
}
