'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import {
  beginSecondFactorAction,
  confirmSecondFactorAction,
  renewRecoveryCodesAction,
} from '@/lib/auth/two-factor-actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionCall, useActionForm } from '@/components/forms/use-action-form'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'

type Enrolment = { secret: string; qrSvg: string }

export function TwoFactorSetup({ enabled, home }: { enabled: boolean; home: string }) {
  const t = useTranslations('twoFactor')
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null)
  const start = useActionCall()
  // The code typed stays in place after a refusal; the page's status is refreshed once it is on.
  const codes = useActionForm(enabled ? renewRecoveryCodesAction : confirmSecondFactorAction, { reset: false })

  if (codes.data) return <RecoveryCodes codes={codes.data.recoveryCodes} home={home} />

  const codeForm = (label: string, submit: string) => (
    <form {...codes.formProps} className="mt-4 space-y-3">
      <Field
        label={label}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        error={codes.anyError ?? undefined}
      />
      <Button type="submit" disabled={codes.pending} className="w-full">
        {submit}
      </Button>
    </form>
  )

  if (enabled) {
    return (
      <section className="mt-4 rounded-2xl border border-line bg-white p-4">
        <h2 className="font-medium">{t('renewTitle')}</h2>
        <p className="mt-1 text-sm text-ink-soft">{t('renewHint')}</p>
        {codeForm(t('code'), t('renew'))}
      </section>
    )
  }

  if (!enrolment) {
    return (
      <section className="mt-4 rounded-2xl border border-line bg-white p-4">
        <p className="text-sm">{t('intro')}</p>
        <FormMessage message={start.error} className="mt-2 text-sm" />
        <Button
          type="button"
          disabled={start.pending}
          className="mt-4 w-full"
          onClick={() => start.run(() => beginSecondFactorAction({}), { refresh: false, onSuccess: setEnrolment })}
        >
          {t('start')}
        </Button>
      </section>
    )
  }

  return (
    <section className="mt-4 rounded-2xl border border-line bg-white p-4">
      <p className="text-sm">{t('scan')}</p>
      {/* The SVG is drawn on the server by the qrcode library from our own otpauth URI. */}
      <div className="mx-auto mt-3 w-48" aria-hidden dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
      <p className="mt-3 text-xs text-ink-soft">{t('manual')}</p>
      <p
        className="mt-1 break-all rounded-lg bg-gold-soft px-3 py-2 text-center font-mono text-sm tracking-wider"
        data-testid="totp-secret"
      >
        {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
      </p>
      {codeForm(t('firstCode'), t('confirm'))}
    </section>
  )
}

function RecoveryCodes({ codes, home }: { codes: string[]; home: string }) {
  const t = useTranslations('twoFactor')
  const [copied, setCopied] = useState(false)
  return (
    <section className="mt-4 rounded-2xl border border-gold-light bg-white p-4">
      <h2 className="font-medium">{t('codesTitle')}</h2>
      <p className="mt-1 text-sm text-ink-soft">{t('codesHint')}</p>
      <ol className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <div className="mt-4 flex gap-2">
        <Button
          type="button"
          variant="quiet"
          className="flex-1"
          onClick={() => {
            void navigator.clipboard?.writeText(codes.join('\n')).then(
              () => setCopied(true),
              () => {},
            )
          }}
        >
          {copied ? t('copied') : t('copy')}
        </Button>
        <Link
          href={home}
          className="inline-flex min-h-11 flex-1 items-center justify-center rounded-xl bg-ink px-4 text-sm font-medium text-ivory"
        >
          {t('done')}
        </Link>
      </div>
    </section>
  )
}
