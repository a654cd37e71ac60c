import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { staffPhotoSubject } from '@/lib/staff/photo'
import { removeStaffPhotoAction, setStaffPhotoAction } from '@/lib/staff/photo-actions'
import { StaffPhotoForm } from '@/components/account/staff-photo-form'

export const dynamic = 'force-dynamic'

// An administrator sets a colleague's photo (a new joiner's, from the bank's own staff portrait).
export default async function StaffPhotoPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('system.configure')
  const { id } = await params
  const subject = await staffPhotoSubject(actor, id)
  if (!subject) notFound()
  const t = await getTranslations()
  return (
    <div className="max-w-md">
      <Link href="/admin" className="text-sm text-ink-soft underline-offset-2 hover:underline">
        ← {t('admin.staff')}
      </Link>
      <h1 className="mt-2 text-xl font-semibold">{t('staffPhoto.adminTitle', { name: subject.name })}</h1>
      <p className="mt-1 text-sm text-ink-soft">{t('staffPhoto.adminIntro', { name: subject.name })}</p>
      <StaffPhotoForm
        name={subject.name}
        photoUrl={subject.photoUrl}
        setAction={setStaffPhotoAction}
        removeAction={removeStaffPhotoAction}
        removeInput={{ userId: subject.userId }}
        subject={{ userId: subject.userId, name: subject.name }}
      />
    </div>
  )
}
