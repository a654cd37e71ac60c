import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { portalClients } from '@/lib/clients/queries'
import { listRequests } from '@/lib/requests/queries'
import { lastMessages } from '@/lib/portal/home'
import { LiveStatus } from '@/components/live/live-status'
import { PortalRequests } from '@/components/live/portal-requests'
import { ServiceWorkerRegister } from '@/components/portal/sw-register'
import { Avatar } from '@/components/ui/avatar'
import { teamContact } from '@/lib/presence/team-contact'
import { ReachTeam } from '@/components/presence/reach-team'

export const dynamic = 'force-dynamic'

// Home: the butler first (who, on duty, how to reach the team), then the open conversations
// with their last message, and one tap to ask for something new.
export default async function PortalHome() {
  const actor = await requirePageActor('portal.use')
  const t = await getTranslations()
  const [clients, requests, contact] = await Promise.all([
    portalClients(actor),
    listRequests(actor, { take: 50 }),
    teamContact(),
  ])
  const last = await lastMessages(
    actor,
    requests.map((r) => r.id),
  )
  const serverNow = new Date().toISOString()
  return (
    <>
      <ServiceWorkerRegister />
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t('portal.greeting', { name: actor.name })}</h1>
        <LiveStatus />
      </div>

      {clients.map((c) => (
        <section
          key={c.id}
          aria-label={t('portal.yourButler')}
          className="mt-4 rounded-2xl bg-ink p-5 text-ivory shadow-sm"
          data-testid="butler-card"
        >
          <p className="text-xs tracking-widest text-gold-light">
            {t('portal.yourButler')}
            {clients.length > 1 && ` · ${c.displayName}`}
          </p>
          {c.butler ? (
            <div className="mt-3 flex items-center gap-3">
              <Avatar name={c.butler.name} photoUrl={c.butler.photoUrl} size="lg" tone="dark" />
              <div className="min-w-0">
                <p className="text-lg font-medium">{c.butler.name}</p>
                <p className="flex items-center gap-1.5 text-xs text-ivory/80" data-testid="butler-duty">
                  <span aria-hidden className={`size-2 rounded-full ${c.butler.onDuty ? 'bg-ok' : 'bg-ivory/40'}`} />
                  {c.butler.onDuty ? t('portal.onDuty') : t('portal.offDuty')}
                </p>
                {c.backup && (
                  <p className="mt-0.5 text-sm text-ivory/75">
                    {!c.butler.onDuty && c.backup.onDuty
                      ? t('portal.coveredBy', { name: c.backup.name })
                      : t('portal.backupButler', { name: c.backup.name })}
                  </p>
                )}
              </div>
            </div>
          ) : (
            <p className="mt-2 text-sm">{t('portal.noButler')}</p>
          )}
          <p className="mt-4 text-sm text-ivory/80">{t('portal.promise')}</p>
          <ReachTeam contact={contact} />
        </section>
      ))}

      <h2 className="mt-7 text-lg font-medium">{t('portal.myRequests')}</h2>
      <PortalRequests initial={requests} last={last} timeZone={actor.timeZone} serverNow={serverNow} />
      {/* Keeps the last request clear of the fixed button below. */}
      <div aria-hidden className="h-8" />
      <div className="fixed inset-x-0 bottom-0 border-t border-line bg-ivory/95 p-3 backdrop-blur">
        <div className="mx-auto max-w-2xl">
          <Link
            href="/portal/requests/new"
            className="flex min-h-12 w-full items-center justify-center gap-2 rounded-xl bg-ink text-base font-medium text-ivory"
          >
            <span aria-hidden className="text-gold-light">
              ＋
            </span>
            {t('portal.newRequest')}
          </Link>
        </div>
      </div>
    </>
  )
}
