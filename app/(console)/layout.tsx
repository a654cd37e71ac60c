import { Suspense } from 'react'
import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { HEARTBEAT_SECONDS } from '@/lib/presence/service'
import { AppHeader } from '@/components/ui/app-header'
import { PresenceHeartbeat } from '@/components/presence/heartbeat'
import { MyWorkload } from '@/components/presence/my-workload'
import { SkipLinks } from '@/components/console/skip-links'

// The butlers' console shell (supervisors open requests here too). Each page still calls its
// own guard: a layout is not re-run on every navigation.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('request.serve')
  const t = await getTranslations()
  const sections = [
    { href: '/console', title: t('console.title') },
    { href: '/console/performance', title: t('quality.myPerformance') },
  ]
  return (
    <>
      <SkipLinks />
      <PresenceHeartbeat seconds={HEARTBEAT_SECONDS} />
      <AppHeader actor={actor} home="/console" sections={sections} wide />
      <Suspense fallback={null}>
        <MyWorkload actor={actor} />
      </Suspense>
      <main id="main" tabIndex={-1} className="mx-auto max-w-screen-2xl px-6 py-6 outline-none">
        {children}
      </main>
    </>
  )
}
