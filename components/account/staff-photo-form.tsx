'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useState, type ChangeEvent } from 'react'
import type { ActionResult } from '@/lib/next/action'
import { FormMessage } from '@/components/forms/form-message'
import { useActionForm } from '@/components/forms/use-action-form'
import { Avatar } from '@/components/ui/avatar'
import { Button } from '@/components/ui/button'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import { FilePicker } from '@/components/ui/file-picker'

// The same limits the server applies (lib/staff/photo.ts), checked here first so a 20 MB file is
// refused in words before it is sent, not by the upload limit as a lost connection.
const ACCEPT = ['image/jpeg', 'image/png', 'image/webp']
const MAX_BYTES = 5 * 1024 * 1024

type Props<R> = {
  name: string
  photoUrl: string | null
  setAction: (form: FormData) => Promise<ActionResult<unknown>>
  removeAction: (input: R) => Promise<ActionResult<unknown>>
  removeInput: R
  // Set when an administrator changes a colleague's photo: the form says whose.
  subject?: { userId: string; name: string }
}

// A staff member's photo: the one the clients see now (or the initials they see instead), a
// preview of the chosen file before it is saved, and a removal that asks first.
export function StaffPhotoForm<R>({ name, photoUrl, setAction, removeAction, removeInput, subject }: Props<R>) {
  const t = useTranslations('staffPhoto')
  const te = useTranslations('errors')
  const [preview, setPreview] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const { formProps, pending, anyError, succeeded, clearResult } = useActionForm(setAction, {
    onSuccess: () => setPreview(null),
  })
  useEffect(() => (preview ? () => URL.revokeObjectURL(preview) : undefined), [preview])

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    clearResult()
    setPreview(null)
    setRefusal(null)
    if (!file) return
    if (!ACCEPT.includes(file.type)) return setRefusal(te('photoType'))
    if (file.size > MAX_BYTES) return setRefusal(te('photoTooLarge'))
    setPreview(URL.createObjectURL(file))
  }
  const id = subject ? `photo-${subject.userId}` : 'photo'
  const say = {
    none: subject ? t('adminNone', { name: subject.name }) : t('none'),
    saved: subject ? t('adminSaved') : t('saved'),
    confirmRemove: subject ? t('adminConfirmRemove', { name: subject.name }) : t('confirmRemove'),
  }
  const error = refusal ?? anyError
  return (
    <section className="mt-4 rounded-2xl border border-line bg-white p-5" data-testid="staff-photo">
      <div className="flex flex-col items-center gap-2">
        <Avatar name={name} photoUrl={preview ?? photoUrl} size="xl" />
        <p className="text-center text-xs text-ink-soft" data-testid="staff-photo-state">
          {preview ? t('preview') : photoUrl ? t('current') : say.none}
        </p>
      </div>
      <form {...formProps} className="mt-5 space-y-2">
        {subject && <input type="hidden" name="userId" value={subject.userId} />}
        <FilePicker
          id={id}
          name="photo"
          label={photoUrl || preview ? t('chooseAnother') : t('choose')}
          accept={ACCEPT.join(',')}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={pick}
        />
        <p id={`${id}-hint`} className="text-xs text-ink-soft">
          {t('hint')}
        </p>
        <FormMessage id={`${id}-error`} message={error} className="text-sm" />
        {succeeded && !preview && (
          <p role="status" className="text-sm text-ok">
            {say.saved}
          </p>
        )}
        {preview && (
          <Button type="submit" disabled={pending} className="w-full">
            {t('save')}
          </Button>
        )}
      </form>
      {photoUrl && !preview && (
        <div className="mt-4 flex justify-center border-t border-line pt-4">
          <ConfirmActionButton
            action={removeAction}
            input={removeInput}
            label={t('remove')}
            question={say.confirmRemove}
            confirmLabel={t('remove')}
            cancelLabel={t('keep')}
            testId="remove-photo"
          />
        </div>
      )}
    </section>
  )
}
