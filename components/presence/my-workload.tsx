import { getTranslations } from 'next-intl/server'
import type { Actor } from '@/lib/auth/roles'
import { workloadOf } from '@/lib/presence/service'

// "n open · m at risk" for the signed-in butler, in the console header area. Streamed in its
// own Suspense boundary by the layout, so it never holds up the page it sits above.
export async function MyWorkload({ actor }: { actor: Actor }) {
  const [t, load] = await Promise.all([getTranslations('presence'), workloadOf(actor)])
  return (
    <p
      className="mx-auto max-w-screen-2xl px-6 pt-2 text-right text-xs tabular-nums text-ink-soft"
      data-testid="my-workload"
    >
      {t('workload', load)}
    </p>
  )
}
