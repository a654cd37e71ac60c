'use client'

import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import type { ActionResult } from '@/lib/next/action'

type Labels = { name?: string; password: string; submit: string; done: string; signIn: string }

// Setting a password from an emailed link (a delegate's invitation, a new colleague's welcome):
// the link's token goes along, a name is asked for only where `labels.name` is given, and once
// the account is ready the visitor is sent to sign in.
export function PasswordLinkForm({
  token,
  action,
  labels,
}: {
  token: string
  action: (form: FormData) => Promise<ActionResult<unknown>>
  labels: Labels
}) {
  const { formProps, pending, fieldError, formError, succeeded } = useActionForm(action, {
    reset: false,
    refresh: false,
  })
  if (succeeded) {
    return (
      <p className="mt-6 rounded-2xl border border-line bg-white p-6 text-center text-sm">
        {labels.done}{' '}
        <Link href="/login" className="font-medium text-gold underline">
          {labels.signIn}
        </Link>
      </p>
    )
  }
  return (
    <form {...formProps} className="mt-6 space-y-4 rounded-2xl border border-line bg-white p-6">
      <input type="hidden" name="token" value={token} />
      {labels.name && <Field label={labels.name} name="name" error={fieldError('name')} autoComplete="name" />}
      <Field
        label={labels.password}
        name="password"
        type="password"
        error={fieldError('password')}
        autoComplete="new-password"
      />
      <FormMessage message={formError} className="text-sm" />
      <Button type="submit" disabled={pending} className="w-full">
        {labels.submit}
      </Button>
    </form>
  )
}
