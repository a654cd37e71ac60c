import { headers } from 'next/headers'
import { teamContact } from '@/lib/presence/team-contact'
import { NONCE_HEADER } from '@/lib/security/csp'

// Shown by the service worker when the phone has no connection. Bilingual, since the user's
// language cannot be looked up offline. Rendered per request like every page, so its scripts
// carry the nonce of the CSP header the service worker caches with it, and it carries the team's
// 24x7 number as an admin set it (the service worker refreshes its copy when online).
export default async function OfflinePage() {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined
  // The service worker's install fetches this page: without the database it still renders.
  const { phone } = await teamContact().catch(() => ({ phone: null }))
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <div aria-hidden className="mb-4 grid size-12 place-items-center rounded-full bg-ink text-xl text-gold-light">
        ◆
      </div>
      <h1 className="text-xl font-semibold">暂时无法连接</h1>
      <p className="mt-2 text-sm text-ink-soft">
        网络恢复后页面会自动刷新。{phone ? '紧急情况请拨打下方 24 小时管家热线。' : '紧急情况请直接致电您的专属管家。'}
      </p>
      <h2 className="mt-6 text-xl font-semibold" lang="en">
        You are offline
      </h2>
      <p className="mt-2 text-sm text-ink-soft" lang="en">
        This page refreshes when you are back online.{' '}
        {phone ? 'If it is urgent, call the 24x7 line below.' : 'If it is urgent, call your butler directly.'}
      </p>
      {phone && (
        <a
          href={`tel:${phone.replace(/[^+0-9]/g, '')}`}
          className="mt-6 rounded-xl bg-ink px-5 py-3 text-base font-medium text-ivory"
          data-testid="offline-phone"
        >
          24x7 管家热线 <span lang="en">/ 24x7 line</span>: <span className="tabular-nums">{phone}</span>
        </a>
      )}
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: "addEventListener('online',()=>location.reload())" }} />
    </main>
  )
}
