import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { portalClients } from '@/lib/clients/queries'
import { categoryLabels } from '@/lib/catalog/service'
import { NewRequestForm } from './new-request-form'

export const dynamic = 'force-dynamic'

export default async function NewRequestPage() {
  const actor = await requirePageActor('portal.use')
  const t = await getTranslations('portal')
  const [clients, labels] = await Promise.all([portalClients(actor), categoryLabels()])
  return (
    <>
      <h1 className="text-xl font-semibold">{t('newTitle')}</h1>
      <p className="mt-1 text-sm text-ink-soft">{t('promise')}</p>
      <NewRequestForm
        labels={labels}
        userId={actor.userId}
        actingFor={actor.role === 'DELEGATE' ? clients.map((c) => c.displayName) : []}
        clients={clients.map((c) => ({ id: c.id, name: c.displayName, family: c.family, preferences: c.preferences }))}
      />
    </>
  )
}
