import type { ReactNode } from 'react'

// One card in a conversation's flow (details, a booking, an alternative, a file): a small
// caption over its content.
export function FlowCard({
  label,
  children,
  tone = 'plain',
  testId,
}: {
  label: string
  children: ReactNode
  tone?: 'plain' | 'gold'
  testId?: string
}) {
  return (
    <div
      data-testid={testId}
      className={`rounded-2xl border p-4 text-sm shadow-sm ${tone === 'gold' ? 'border-gold/60 bg-gold-soft/40' : 'border-line bg-white'}`}
    >
      <p className="mb-2 text-xs font-medium tracking-wide text-ink-soft">{label}</p>
      {children}
    </div>
  )
}
