import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/auth/guards'
import { listStaff } from '@/lib/staff/queries'
import { AppHeader } from '@/components/ui/app-header'
import { AdminNav } from '@/components/admin/admin-nav'

export const dynamic = 'force-dynamic'

export default async function AdminHome() {
  const actor = await requirePageActor(['ADMIN'])
  const t = await getTranslations('admin')
  const staff = await listStaff(actor)
  return (
    <>
      <AppHeader actor={actor} home="/admin" section={t('title')} wide />
      <main className="mx-auto max-w-screen-2xl px-6 py-6">
        <AdminNav current="staff" />
        <h1 className="mb-4 text-xl font-semibold">{t('staff')}</h1>
        <table className="w-full border-separate border-spacing-0 rounded-2xl bg-white text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-ink-soft">
              <th className="border-b border-line px-3 py-2 font-medium">{t('name')}</th>
              <th className="border-b border-line px-3 py-2 font-medium">{t('email')}</th>
              <th className="border-b border-line px-3 py-2 font-medium">{t('role')}</th>
              <th className="border-b border-line px-3 py-2 font-medium">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id}>
                <td className="border-b border-line px-3 py-2.5">{s.name}</td>
                <td className="border-b border-line px-3 py-2.5">{s.email}</td>
                <td className="border-b border-line px-3 py-2.5">{s.role}</td>
                <td className="border-b border-line px-3 py-2.5">{s.disabled ? t('disabled') : t('active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </>
  )
}
