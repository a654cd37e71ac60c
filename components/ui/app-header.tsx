import Link from 'next/link'
import { can } from '@/lib/auth/policy'
import { getTranslations } from 'next-intl/server'
import { signOutAction } from '@/lib/next/auth-actions'
import type { Actor } from '@/lib/auth/roles'
import { DutyToggle } from '@/components/console/duty-toggle'
import { SectionTitle, type TSection } from '@/components/layout/section-title'
import { ownPhotoUrl } from '@/lib/staff/photo'
import { Avatar } from './avatar'
import { LocaleSwitch } from './locale-switch'

// Rendered by each audience's layout; `sections` names the part of the area the URL is in.
export async function AppHeader({
  actor,
  home,
  sections,
  wide = false,
}: {
  actor: Actor
  home: string
  sections?: readonly TSection[]
  wide?: boolean
}) {
  const t = await getTranslations('common')
  const tp = await getTranslations('push.devices')
  const tf = await getTranslations('staffPhoto')
  // Staff see their own face (or initials) by their name, the way to change it.
  const photoUrl = ownPhotoUrl(actor)
  // The account links are seldom followed: they are not prefetched, so a page that re-reads itself
  // does not also render every one of them on the server.
  return (
    <header className="sticky top-0 z-10 border-b border-line bg-ivory/95 backdrop-blur">
      <div className={`mx-auto flex h-14 items-center gap-3 px-4 ${wide ? 'max-w-screen-2xl' : 'max-w-2xl'}`}>
        <Link
          href={home}
          className="flex shrink-0 items-center gap-2 whitespace-nowrap font-semibold tracking-tight"
          aria-label={t('brand')}
        >
          <span aria-hidden className="grid size-7 place-items-center rounded-full bg-ink text-xs text-gold-light">
            ◆
          </span>
          <span className={wide ? '' : 'hidden min-[420px]:inline'}>{t('brand')}</span>
        </Link>
        {sections && <SectionTitle sections={sections} />}
        <div className="ml-auto flex items-center gap-1 whitespace-nowrap sm:gap-2">
          {can(actor, 'request.serve') && !actor.mustEnrollSecondFactor && <DutyToggle onDuty={actor.onDuty} />}
          {can(actor, 'performance.own') && (
            <Link
              href="/console/performance"
              prefetch={false}
              className="rounded-lg px-2 py-1 text-sm text-ink-soft hover:bg-gold-soft"
            >
              {t('performance')}
            </Link>
          )}
          {can(actor, 'portal.use') ? (
            <Link
              href="/portal/profile"
              prefetch={false}
              className="rounded-lg px-2 py-1 text-sm text-ink-soft hover:bg-gold-soft"
            >
              {t('profile')}
            </Link>
          ) : can(actor, 'photo.own') ? (
            <Link
              href="/account/photo"
              prefetch={false}
              title={tf('title')}
              className="flex items-center gap-2 rounded-full py-0.5 pl-0.5 pr-0.5 text-sm text-ink-soft hover:bg-gold-soft sm:pr-2"
              data-testid="own-photo-link"
            >
              <Avatar name={actor.name} photoUrl={photoUrl} size="sm" />
              <span className="hidden max-w-40 truncate sm:block">{actor.name}</span>
              <span className="sr-only sm:hidden">{actor.name}</span>
            </Link>
          ) : (
            <span className="hidden max-w-40 truncate text-sm text-ink-soft sm:inline">{actor.name}</span>
          )}
          {!can(actor, 'portal.use') && (
            <Link
              href="/account/devices"
              prefetch={false}
              className="rounded-lg px-2 py-1 text-sm text-ink-soft hover:bg-gold-soft"
            >
              {tp('nav')}
            </Link>
          )}
          <Link
            href="/account/password"
            prefetch={false}
            className="hidden rounded-lg px-2 py-1 text-sm text-ink-soft hover:bg-gold-soft md:inline"
          >
            {t('password')}
          </Link>
          {can(actor, 'secondFactor.use') && (
            <Link
              href="/account/two-factor"
              prefetch={false}
              className="rounded-lg px-2 py-1 text-sm text-ink-soft hover:bg-gold-soft"
              data-testid="two-factor-link"
            >
              {t('twoFactor')}
              {!actor.secondFactorOn && (
                <span
                  aria-label={t('twoFactorOff')}
                  className="ml-1 inline-block size-2 rounded-full bg-warn align-middle"
                />
              )}
            </Link>
          )}
          <LocaleSwitch />
          <form action={signOutAction}>
            <button type="submit" className="rounded-lg px-2 py-1 text-sm text-ink-soft hover:bg-gold-soft">
              {t('signOut')}
            </button>
          </form>
        </div>
      </div>
    </header>
  )
}
