import { getTranslations } from 'next-intl/server'
import { can, homePathFor } from '@/lib/auth/policy'
import { requirePageActor } from '@/lib/next/guards'
import { AppHeader } from '@/components/ui/app-header'
import { AdminNav } from '@/components/admin/admin-nav'
import { SupervisorNav } from '@/components/supervisor/supervisor-nav'

// The supervisors' shell. Its widest page, the audit log, is shared with admins, who keep their
// own home and navigation there; so the shell admits audit.read and every page narrows it with
// its own guard (team.lead for the rest), which also covers navigations that skip the layout.
export default async function SupervisorLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('audit.read')
  const t = await getTranslations()
  const sections = [
    { href: '/supervisor', title: t('supervisor.title') },
    { href: '/supervisor/kpi', title: t('kpi.title') },
    { href: '/supervisor/quality', title: t('supervisor.quality') },
    { href: '/supervisor/roster', title: t('supervisor.roster') },
    { href: '/supervisor/team', title: t('supervisor.team') },
    { href: '/supervisor/wechat', title: t('channels.queue.title') },
    { href: '/supervisor/risk', title: t('risk.queueTitle') },
    { href: '/supervisor/audit', title: t('supervisor.audit') },
  ]
  return (
    <>
      <AppHeader actor={actor} home={homePathFor(actor.role)} sections={sections} wide />
      <main className="mx-auto max-w-screen-2xl px-6 py-6">
        {can(actor, 'system.configure') ? <AdminNav /> : <SupervisorNav />}
        {children}
      </main>
    </>
  )
}
