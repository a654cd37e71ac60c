import { homePathFor } from '@/lib/auth/policy'
import { requirePageActor } from '@/lib/next/guards'
import { AppHeader } from '@/components/ui/app-header'

// Every signed-in user's own settings. The shell admits a supervisor or admin who still has to
// set up a second factor (else /account/two-factor would redirect to itself); the password page's
// own guard sends them on to that set-up.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('account.use', { enrolling: true })
  return (
    <>
      <AppHeader actor={actor} home={homePathFor(actor.role)} />
      <main className="mx-auto max-w-md px-4 py-6">{children}</main>
    </>
  )
}
