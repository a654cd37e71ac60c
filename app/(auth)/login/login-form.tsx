'use client'

import { useActionState, useState } from 'react'
import { useTranslations } from 'next-intl'
import { loginAction, type LoginState } from '@/lib/next/auth-actions'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'

// Two steps in one form: email and password, then (for staff with an authenticator) a code.
// The first step's values are held here so the second submission can send them again.
export function LoginForm() {
  const t = useTranslations('login')
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {})
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [restarted, setRestarted] = useState(false)
  const codeStep = state.step === 'code' && !restarted
  return (
    <form
      action={action}
      onSubmit={() => setRestarted(false)}
      className="space-y-4 rounded-2xl border border-line bg-white p-6 shadow-sm"
    >
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
        <>
          <Field
            label={t('email')}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field
            label={t('password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </>
      )}
      {state.message && !(restarted && state.step === 'code') && (
        <p role="alert" className="text-sm text-bad">
          {state.message}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {codeStep ? t('verify') : t('submit')}
      </Button>
      {codeStep && (
        <button
          type="button"
          onClick={() => {
            setRestarted(true)
            setPassword('')
          }}
          className="w-full text-sm text-ink-soft underline-offset-2 hover:underline"
        >
          {t('otherAccount')}
        </button>
      )}
    </form>
  )
}
