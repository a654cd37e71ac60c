import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { PushDevicesCard } from '@/components/push/push-devices-card'

export const dynamic = 'force-dynamic'

// Where a staff member turns on alerts on their phone or laptop, and sees the devices they are on.
export default async function DevicesPage() {
  const actor = await requirePageActor('account.use')
  const t = await getTranslations('push.devices')
  return (
    <>
      <h1 className="text-xl font-semibold">{t('pageTitle')}</h1>
      <PushDevicesCard actor={actor} />
    </>
  )
}
