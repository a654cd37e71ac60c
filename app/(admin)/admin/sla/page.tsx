import { getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { listPolicies } from '@/lib/sla/policies'
import { PolicyForm } from '@/components/admin/policy-form'

export const dynamic = 'force-dynamic'

export default async function SlaPoliciesPage() {
  const actor = await requirePageActor('system.configure')
  const t = await getTranslations('admin')
  const policies = await listPolicies(actor)
  const head = 'border-b border-line px-2 py-2 text-left text-xs font-medium uppercase tracking-wide text-ink-soft'
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t('slaPolicies')}</h1>
      <p className="mb-4 text-sm text-ink-soft">{t('slaIntro')}</p>
      <div className="overflow-x-auto rounded-2xl border border-line bg-white">
        <table className="w-full border-separate border-spacing-0 text-sm">
          <thead>
            <tr>
              {['kind', 'category', 'tier', 'target', 'atRisk', 'handoff'].map((k) => (
                <th key={k} className={head}>
                  {t(k as 'kind')}
                </th>
              ))}
              <th className={head} />
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <PolicyForm key={`${p.id}:${p.version}`} policy={p} />
            ))}
            <PolicyForm />
          </tbody>
        </table>
      </div>
    </>
  )
}
