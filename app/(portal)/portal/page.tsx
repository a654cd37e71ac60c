import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { portalClients } from '@/lib/clients/queries'
import { formatInZone } from '@/lib/i18n/format'
import { listRequests } from '@/lib/requests/queries'
import { LiveRefresh } from '@/components/live/live-refresh'
import { ReplyClock } from '@/components/live/reply-clock'
import { ServiceWorkerRegister } from '@/components/portal/sw-register'
import { teamContact } from '@/lib/presence/team-contact'
import { ReachTeam } from '@/components/presence/reach-team'

export const dynamic = 'force-dynamic'

export default async function PortalHome() {
  const actor = await requirePageActor('portal.use')
  const t = await getTranslations()
  const [clients, requests, contact] = await Promise.all([
    portalClients(actor),
    listRequests(actor, { take: 50 }),
    teamContact(),
  ])
  const serverNow = new Date().toISOString()
  return (
    <>
      <ServiceWorkerRegister />
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t('portal.greeting', { name: actor.name })}</h1>
        <LiveRefresh />
      </div>

      {clients.map((c) => (
        <section
          key={c.id}
          aria-label={t('portal.yourButler')}
          className="mt-4 rounded-2xl bg-ink p-5 text-ivory shadow-sm"
        >
          <p className="text-xs uppercase tracking-widest text-gold-light">{t('portal.yourButler')}</p>
          {c.butler ? (
            <div className="mt-3 flex items-center gap-3">
              <span
                aria-hidden
                className="grid size-11 place-items-center rounded-full bg-gold-light/20 font-semibold text-gold-light"
              >
                {c.butler.name.slice(0, 1)}
              </span>
              <div>
                <p className="font-medium">{c.butler.name}</p>
                <p className="flex items-center gap-1.5 text-xs text-ivory/80" data-testid="butler-duty">
                  <span aria-hidden className={`size-2 rounded-full ${c.butler.onDuty ? 'bg-ok' : 'bg-ivory/40'}`} />
                  {c.butler.onDuty ? t('portal.onDuty') : t('portal.offDuty')}
                </p>
                {c.backup && (
                  <p className="text-sm text-ivory/70">
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
          <p className="mt-4 text-sm text-ivory/80">
            {t('portal.promise')} {t('portal.reach')}
          </p>
          <ReachTeam contact={contact} />
        </section>
      ))}

      <div className="mt-6 flex items-center justify-between">
        <h2 className="text-lg font-medium">{t('portal.myRequests')}</h2>
      </div>
      {requests.length === 0 ? (
        <p className="mt-3 rounded-2xl border border-dashed border-line p-6 text-sm text-ink-soft">
          {t('portal.noRequests')}
        </p>
      ) : (
        <ul className="mt-3 space-y-3">
          {requests.map((r) => (
            <li key={r.id}>
              <Link
                href={`/portal/requests/${r.id}`}
                className="block rounded-2xl border border-line bg-white p-4 shadow-sm transition hover:border-gold"
              >
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="text-xs text-ink-soft">
                      {t(`categories.${r.category}`)} · #{r.number}
                    </p>
                    <p className="mt-0.5 truncate font-medium">{r.title}</p>
                  </div>
                  <span className="shrink-0 rounded-full bg-gold-soft px-2 py-0.5 text-xs text-ink">
                    {t(`statuses.${r.status}`)}
                  </span>
                </div>
                <div className="mt-2 flex items-center justify-between text-xs text-ink-soft">
                  <span>{t('portal.filedAt', { time: formatInZone(r.createdAt, actor.timeZone) })}</span>
                  {r.timer && !r.timer.metAt && <ReplyClock timer={r.timer} serverNow={serverNow} />}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {/* Keeps the last request clear of the fixed button below. */}
      <div aria-hidden className="h-8" />
      <div className="fixed inset-x-0 bottom-0 border-t border-line bg-ivory/95 p-3 backdrop-blur">
        <div className="mx-auto max-w-2xl">
          <Link
            href="/portal/requests/new"
            className="flex min-h-12 w-full items-center justify-center rounded-xl bg-ink text-base font-medium text-ivory"
          >
            {t('portal.newRequest')}
          </Link>
        </div>
      </div>
    </>
  )
}
