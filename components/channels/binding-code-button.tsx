'use client'

import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { createBindingCodeAction } from '@/lib/channels/actions'

// The code is shown once, here: only its hash is kept.
export function BindingCodeButton({ timeZone }: { timeZone: string }) {
  const t = useTranslations('channels.connect')
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, start] = useTransition()
  const expires = code
    ? new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(
        new Date(code.expiresAt),
      )
    : ''
  return (
    <div className="space-y-2">
      {code && (
        <p className="rounded-xl bg-ivory p-3 text-sm" data-testid="binding-code">
          <span className="block text-xs text-ink-soft">{t('code')}</span>
          <span className="font-mono text-2xl tracking-widest">{code.code}</span>
          <span className="block text-xs text-ink-soft">{t('expires', { time: expires })}</span>
        </p>
      )}
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await createBindingCodeAction({})
            if (r.ok) {
              setCode(r.data)
              setError(null)
            } else setError(r.message)
          })
        }
        className="rounded-lg bg-ink px-3 py-1.5 text-sm text-ivory disabled:opacity-50"
      >
        {code ? t('newCode') : t('getCode')}
      </button>
      {error && (
        <p role="alert" className="text-xs text-bad">
          {error}
        </p>
      )}
    </div>
  )
}
