import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { AppHeader } from '@/components/ui/app-header'
import { AdminNav } from '@/components/admin/admin-nav'

// The admins' shell. Each page still calls its own guard: a layout is not re-run on every navigation.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('system.configure')
  const t = await getTranslations('admin')
  return (
    <>
      <AppHeader actor={actor} home="/admin" sections={[{ href: '/admin', title: t('title') }]} wide />
      <main className="mx-auto max-w-screen-2xl px-6 py-6">
        <AdminNav />
        {children}
      </main>
    </>
  )
}
