import { requirePageActor } from '@/lib/next/guards'
import { AppHeader } from '@/components/ui/app-header'

// The portal's shell, for clients and their delegates (phones first). Not a gate on its own: a
// layout is not re-run on every navigation, so each page still calls requirePageActor.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('portal.use')
  return (
    <>
      <AppHeader actor={actor} home="/portal" />
      <main className="mx-auto max-w-2xl px-4 pb-16 pt-5">{children}</main>
    </>
  )
}
