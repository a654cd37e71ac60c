'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useActionState, useState } from 'react'
import type { ActionResult } from '@/lib/next/action'
import {
  beginSecondFactorAction,
  confirmSecondFactorAction,
  renewRecoveryCodesAction,
} from '@/lib/auth/two-factor-actions'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'

type Codes = ActionResult<{ recoveryCodes: string[] }> | null

export function TwoFactorSetup({ enabled, home }: { enabled: boolean; home: string }) {
  const t = useTranslations('twoFactor')
  const router = useRouter()
  const [enrolment, begin, starting] = useActionState<ActionResult<{ secret: string; qrSvg: string }> | null>(
    () => beginSecondFactorAction({}),
    null,
  )
  const [codes, submitCode, checking] = useActionState<Codes, FormData>(async (_p, form) => {
    const r = enabled ? await renewRecoveryCodesAction(form) : await confirmSecondFactorAction(form)
    if (r.ok) router.refresh()
    return r
  }, null)

  if (codes?.ok) return <RecoveryCodes codes={codes.data.recoveryCodes} home={home} />

  const codeError = codes && !codes.ok ? (codes.fieldErrors?.code ?? codes.message) : undefined
  const codeForm = (label: string, submit: string) => (
    <form action={submitCode} className="mt-4 space-y-3">
      <Field
        label={label}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        error={codeError}
      />
      <Button type="submit" disabled={checking} className="w-full">
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

  if (!enrolment?.ok) {
    return (
      <form action={begin} className="mt-4 rounded-2xl border border-line bg-white p-4">
        <p className="text-sm">{t('intro')}</p>
        {enrolment && (
          <p role="alert" className="mt-2 text-sm text-bad">
            {enrolment.message}
          </p>
        )}
        <Button type="submit" disabled={starting} className="mt-4 w-full">
          {t('start')}
        </Button>
      </form>
    )
  }

  return (
    <section className="mt-4 rounded-2xl border border-line bg-white p-4">
      <p className="text-sm">{t('scan')}</p>
      {/* The SVG is drawn on the server by the qrcode library from our own otpauth URI. */}
      <div className="mx-auto mt-3 w-48" aria-hidden dangerouslySetInnerHTML={{ __html: enrolment.data.qrSvg }} />
      <p className="mt-3 text-xs text-ink-soft">{t('manual')}</p>
      <p
        className="mt-1 break-all rounded-lg bg-gold-soft px-3 py-2 text-center font-mono text-sm tracking-wider"
        data-testid="totp-secret"
      >
        {enrolment.data.secret.match(/.{1,4}/g)?.join(' ')}
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
