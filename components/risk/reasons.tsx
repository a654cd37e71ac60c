import type { RiskReason } from '@/lib/risk/rules'

// The rules a request matched, with what matched (a keyword, an amount, a name).
export function RiskReasons({ reasons }: { reasons: RiskReason[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-1">
      {reasons.map((r) => (
        <li key={`${r.ruleId}:${r.detail ?? ''}`} className="rounded-full bg-gold-soft px-2 py-0.5 text-xs">
          {r.label}
          {r.detail && <span className="text-ink-soft"> · {r.detail}</span>}
        </li>
      ))}
    </ul>
  )
}
