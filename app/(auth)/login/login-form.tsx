'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { loginAction } from '@/lib/next/auth-actions'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'

// Two steps in one form: email and password, then (for staff with an authenticator) a code.
// The first step's values are held here so the second submission can send them again; the
// form kit keeps them, and the code, after any refusal.
export function LoginForm() {
  const t = useTranslations('login')
  const router = useRouter()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [codeStep, setCodeStep] = useState(false)
  const { formProps, pending, data, anyError, clearResult } = useActionForm(loginAction, {
    reset: false,
    refresh: false,
    onSuccess: ({ step }) => (step === 'code' ? setCodeStep(true) : router.replace('/')),
  })
  const credentials = [
    { name: 'email', type: 'email', autoComplete: 'username', value: email, set: setEmail },
    { name: 'password', type: 'password', autoComplete: 'current-password', value: password, set: setPassword },
  ] as const
  return (
    <form {...formProps} className="space-y-4 rounded-2xl border border-line bg-white p-6 shadow-sm">
      <h2 className="text-lg font-medium">{codeStep ? t('codeTitle') : t('title')}</h2>
      {codeStep ? (
        <>
          <input type="hidden" name="email" value={email} />
          <input type="hidden" name="password" value={password} />
          <p className="text-sm text-ink-soft">{t('codeFor', { email })}</p>
          <Field
            label={t('code')}
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            maxLength={40}
            hint={t('codeHint')}
          />
        </>
      ) : (
        credentials.map((f) => (
          <Field
            key={f.name}
            label={t(f.name)}
            name={f.name}
            type={f.type}
            autoComplete={f.autoComplete}
            required
            value={f.value}
            onChange={(e) => f.set(e.target.value)}
          />
        ))
      )}
      <FormMessage message={anyError} className="text-sm" />
      <Button type="submit" disabled={pending || data?.step === 'signedIn'} className="w-full">
        {codeStep ? t('verify') : t('submit')}
      </Button>
      {codeStep && (
        <button
          type="button"
          onClick={() => {
            setCodeStep(false)
            setPassword('')
            clearResult()
          }}
          className="w-full text-sm text-ink-soft underline-offset-2 hover:underline"
        >
          {t('otherAccount')}
        </button>
      )}
    </form>
  )
}
