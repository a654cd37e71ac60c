import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { getClient360 } from '@/lib/clients/queries'
import { formatDay, formatTime, formatWhen, formatZone, type FriendlyLocale } from '@/lib/i18n/friendly'
import { NoteForm } from '@/components/clients/note-form'
import { PiiReveal } from '@/components/clients/pii-reveal'
import { PinButton } from '@/components/clients/pin-button'
import { ClientWechatCard } from '@/components/channels/client-wechat-card'

export const dynamic = 'force-dynamic'

function Card({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-2xl border border-line bg-white p-4" data-testid={testId}>
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-ink-soft">{title}</h2>
      {children}
    </section>
  )
}

export default async function Client360Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('request.serve')
  const { id } = await params
  const c = await getClient360(actor, id)
  if (!c) notFound()
  const t = await getTranslations()
  const locale = (await getLocale()) as FriendlyLocale
  const now = new Date()
  const empty = <p className="text-sm text-ink-soft">{t('common.empty')}</p>
  return (
    <>
      <Link href="/console" className="text-sm text-ink-soft underline underline-offset-2 hover:text-ink">
        ← {t('console.queue')}
      </Link>
      <header className="mt-3 flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-xs uppercase tracking-widest text-gold">{t(`tiers.${c.tier}`)}</p>
          <h1 className="text-2xl font-semibold">{c.displayName}</h1>
          <p className="mt-1 text-sm text-ink-soft">
            {t('client360.localTime')}:{' '}
            <span className="tabular-nums text-ink">{formatTime(now, { timeZone: c.timeZone, locale })}</span>{' '}
            {formatZone(c.timeZone, locale)} · {t('client360.language')}: {c.language === 'en' ? 'English' : '中文'}
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
          <dt className="text-ink-soft">{t('client360.dedicated')}</dt>
          <dd>{c.dedicatedButler?.name ?? '—'}</dd>
          <dt className="text-ink-soft">{t('client360.backup')}</dt>
          <dd>{c.backupButler?.name ?? '—'}</dd>
          <dt className="text-ink-soft">{t('client360.phone')}</dt>
          <dd>
            <PiiReveal clientId={c.id} field="phone" masked={c.phoneMasked} />
          </dd>
          <dt className="text-ink-soft">{t('client360.idDocument')}</dt>
          <dd>
            <PiiReveal clientId={c.id} field="idDocument" masked={c.idMasked} />
          </dd>
        </dl>
      </header>

      <div className="mt-6 grid gap-4 lg:grid-cols-3">
        <div className="space-y-4">
          <Card title={t('client360.notes')} testId="client-notes">
            <NoteForm clientId={c.id} />
            <ul className="mt-4 space-y-3">
              {c.notes.map((n) => (
                <li
                  key={n.id}
                  className={`rounded-xl p-3 text-sm ${n.pinned ? 'border border-gold bg-gold-soft' : 'bg-ivory'}`}
                >
                  <p className="whitespace-pre-wrap">{n.body}</p>
                  <p className="mt-1 flex items-center justify-between text-xs text-ink-soft">
                    <span>
                      {n.pinned && <span className="mr-1 font-semibold text-gold">{t('client360.pinned')}</span>}
                      {n.authorName} · {formatWhen(n.createdAt, { timeZone: actor.timeZone, locale })}
                    </span>
                    <PinButton noteId={n.id} pinned={n.pinned} />
                  </p>
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t('client360.preferences')}>
            {c.preferences.length === 0 ? (
              empty
            ) : (
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                {c.preferences.map((p) => (
                  <div key={p.id} className="contents">
                    <dt className="text-ink-soft">{p.topic}</dt>
                    <dd>{p.value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </Card>
        </div>

        <div className="space-y-4">
          <Card title={t('client360.family')}>
            {c.family.length === 0 && c.delegates.length === 0 ? (
              empty
            ) : (
              <ul className="space-y-2 text-sm">
                {c.family.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      {f.name}{' '}
                      <span className="text-ink-soft">
                        · {f.relation}
                        {f.birthday ? ` · ${f.birthday.slice(5, 10)}` : ''}
                      </span>
                    </span>
                    <PiiReveal clientId={c.id} field="familyPhone" familyMemberId={f.id} masked={f.phoneMasked} />
                  </li>
                ))}
                {c.delegates.map((d) => (
                  <li key={d.id} className="text-ink-soft">
                    {d.name ?? '—'} · {d.relation} · {t('client360.delegate')} (
                    {t(`client360.delegateStatus.${d.status}`)})
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('client360.keyDates')}>
            {c.keyDates.length === 0 ? (
              empty
            ) : (
              <ul className="space-y-1 text-sm">
                {c.keyDates.map((k) => (
                  <li key={k.id}>
                    {k.recurring ? k.date.slice(5) : k.date} · {k.label}
                    {k.who ? ` (${k.who})` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <ClientWechatCard actor={actor} clientId={c.id} />
          <Card title={t('client360.vendorsUsed')}>
            {c.vendorsUsed.length === 0 ? (
              empty
            ) : (
              <ul className="space-y-1 text-sm">
                {c.vendorsUsed.map((v) => (
                  <li key={v.id}>
                    {v.name}{' '}
                    <span className="text-ink-soft">
                      · {v.kind} · ×{v.uses}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <Card title={t('client360.history')} testId="client-history">
          {c.requests.length === 0 ? (
            empty
          ) : (
            <ul className="divide-y divide-line text-sm">
              {c.requests.map((r) => (
                <li key={r.id} className="py-2">
                  <Link href={`/console/requests/${r.id}`} className="font-medium hover:underline">
                    {r.title}
                  </Link>
                  <p className="text-xs text-ink-soft">
                    #{r.number} · {t(`categories.${r.category}`)} · {t(`statuses.${r.status}`)} ·{' '}
                    {formatDay(r.createdAt, { timeZone: actor.timeZone, locale })}
                    {r.outcome === 'ALTERNATIVE' && ` · ${t('client360.alternativeAccepted')}`}
                    {r.rating !== null && ` · ★ ${r.rating}`}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  )
}
