import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { HEARTBEAT_SECONDS, workloadOf } from '@/lib/presence/service'
import { AppHeader } from '@/components/ui/app-header'
import { PresenceHeartbeat } from '@/components/presence/heartbeat'

// The butlers' console shell (supervisors open requests here too). Each page still calls its
// own guard: a layout is not re-run on every navigation.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('request.serve')
  const [t, load] = await Promise.all([getTranslations(), workloadOf(actor)])
  const sections = [
    { href: '/console', title: t('console.title') },
    { href: '/console/performance', title: t('quality.myPerformance') },
  ]
  return (
    <>
      <PresenceHeartbeat seconds={HEARTBEAT_SECONDS} />
      <AppHeader actor={actor} home="/console" sections={sections} wide />
      <p
        className="mx-auto max-w-screen-2xl px-6 pt-2 text-right text-xs tabular-nums text-ink-soft"
        data-testid="my-workload"
      >
        {t('presence.workload', load)}
      </p>
      <main className="mx-auto max-w-screen-2xl px-6 py-6">{children}</main>
    </>
  )
}
