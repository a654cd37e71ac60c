import { requirePageActor } from '@/lib/next/guards'
import { AppHeader } from '@/components/ui/app-header'
import { actingForNames } from '@/lib/portal/acting-for'
import { ActingFor } from '@/components/portal/acting-for'

// The portal's shell, for clients and their delegates (phones first); a delegate is told under
// the header on whose behalf she acts. Not a gate on its own: a
// layout is not re-run on every navigation, so each page still calls requirePageActor.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('portal.use')
  const actingFor = await actingForNames(actor)
  return (
    <>
      <AppHeader actor={actor} home="/portal" />
      {actingFor.length > 0 && (
        <div className="border-b border-line bg-white">
          <div className="mx-auto max-w-2xl px-4 py-2">
            <ActingFor names={actingFor} />
          </div>
        </div>
      )}
      <main className="mx-auto max-w-2xl px-4 pb-16 pt-5">{children}</main>
    </>
  )
}
