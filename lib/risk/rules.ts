import type { RiskRuleKind } from '../generated/prisma/enums'

// Matching is pure: the facts about a request in, the reasons it needs review out.

export type RiskRuleRow = {
  id: string
  kind: RiskRuleKind
  label: string
  category: string | null
  service: string | null
  keywords: string[]
  threshold: number | null
  currency: string | null
  days: number | null
}

// Why a request waits: the rule, and what in the request matched it (a keyword, an amount).
export type RiskReason = { ruleId: string; kind: RiskRuleKind; label: string; detail?: string }

export type RiskFacts = {
  category?: string
  service?: string
  // Title, description, a client message: whatever text arrived.
  texts?: string[]
  spend?: { cost: number; currency: string }
  // Filed by someone acting for the client rather than the client.
  byDelegate?: boolean
  minorTravellers?: string[]
  // Days since the WeChat contact that opened the request was bound to the client.
  channelContactAgeDays?: number
}

const reasonOf = (r: RiskRuleRow, detail?: string): RiskReason => ({
  ruleId: r.id,
  kind: r.kind,
  label: r.label,
  ...(detail ? { detail } : {}),
})

function matchOne(r: RiskRuleRow, f: RiskFacts): RiskReason | null {
  switch (r.kind) {
    case 'CATEGORY':
      return f.category === r.category && (!r.service || r.service === f.service) ? reasonOf(r) : null
    case 'KEYWORD': {
      // Case-insensitive in both languages (Chinese has no case; lower-casing leaves it alone).
      const text = (f.texts ?? []).join('\n').toLocaleLowerCase()
      const hit = r.keywords.find((k) => k && text.includes(k.toLocaleLowerCase()))
      return hit ? reasonOf(r, hit) : null
    }
    case 'SPEND':
      return f.spend && r.threshold !== null && f.spend.currency === r.currency && f.spend.cost > r.threshold
        ? reasonOf(r, `${f.spend.cost} ${f.spend.currency}`)
        : null
    case 'DELEGATE':
      return f.byDelegate && (f.category === 'HEALTH' || (f.minorTravellers?.length ?? 0) > 0) ? reasonOf(r) : null
    case 'MINOR':
      return f.minorTravellers?.length ? reasonOf(r, f.minorTravellers.join(', ')) : null
    case 'NEW_CONTACT':
      return f.channelContactAgeDays !== undefined && r.days !== null && f.channelContactAgeDays < r.days
        ? reasonOf(r)
        : null
  }
}

export function matchRules(rules: RiskRuleRow[], facts: RiskFacts): RiskReason[] {
  return rules.map((r) => matchOne(r, facts)).filter((r): r is RiskReason => r !== null)
}

export const reasonKey = (r: RiskReason) => `${r.ruleId}:${r.detail ?? ''}`

// Under 18 on the given day, from a birthday stored as a calendar date.
export function isMinor(birthday: Date, on: Date) {
  const eighteenth = new Date(Date.UTC(birthday.getUTCFullYear() + 18, birthday.getUTCMonth(), birthday.getUTCDate()))
  return on < eighteenth
}
