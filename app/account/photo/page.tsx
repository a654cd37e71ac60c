import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { ownPhotoUrl } from '@/lib/staff/photo'
import { removeMyPhotoAction, setMyPhotoAction } from '@/lib/staff/photo-actions'
import { StaffPhotoForm } from '@/components/account/staff-photo-form'

export const dynamic = 'force-dynamic'

// Where a butler (or any staff member) puts a face to their name for the clients they serve.
export default async function PhotoPage() {
  const actor = await requirePageActor('photo.own')
  const t = await getTranslations('staffPhoto')
  const photoUrl = ownPhotoUrl(actor)
  return (
    <>
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="mt-1 text-sm text-ink-soft">{t('intro')}</p>
      <StaffPhotoForm
        name={actor.name}
        photoUrl={photoUrl}
        setAction={setMyPhotoAction}
        removeAction={removeMyPhotoAction}
        removeInput={{}}
      />
    </>
  )
}
