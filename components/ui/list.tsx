import type { ReactNode } from 'react'

// A list that says so when it is empty: the explanation instead of a bare frame.
export function ListOrEmpty<T extends { id: string }>({
  items,
  empty,
  className,
  emptyClassName = 'text-sm text-ink-soft',
  children,
}: {
  items: T[]
  empty: ReactNode
  className: string
  emptyClassName?: string
  children: (item: T) => ReactNode
}) {
  if (items.length === 0) return <p className={emptyClassName}>{empty}</p>
  return <ul className={className}>{items.map(children)}</ul>
}

// One row of a settings list (staff, contacts): what it is on the left, its controls on the right.
export function SettingsRow({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div
      className="flex flex-wrap items-center justify-between gap-3 border-b border-line py-2 last:border-0"
      data-testid={testId}
    >
      {children}
    </div>
  )
}
