import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { AppHeader } from '@/components/ui/app-header'

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
      <AppHeader actor={actor} home="/console" sections={sections} wide />
      <main className="mx-auto max-w-screen-2xl px-6 py-6">{children}</main>
    </>
  )
}
