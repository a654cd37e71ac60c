import type { ReactNode } from 'react'

// A section of the profile: read-only rows, and an action (edit or add) in its corner.
export function ProfileCard({
  title,
  hint,
  action,
  children,
  testId,
}: {
  title: string
  hint?: string
  action?: ReactNode
  children: ReactNode
  testId?: string
}) {
  return (
    <section className="mt-5 rounded-2xl border border-line bg-white p-4 shadow-sm" data-testid={testId}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="font-medium">{title}</h2>
          {hint && <p className="mt-0.5 text-xs text-ink-soft">{hint}</p>}
        </div>
        {action}
      </div>
      <div className="mt-3">{children}</div>
    </section>
  )
}

// One read-only record: its main line, a quieter second line, and its edit sheet.
export function ProfileRow({
  title,
  detail,
  action,
  testId,
}: {
  title: ReactNode
  detail?: ReactNode
  action?: ReactNode
  testId?: string
}) {
  return (
    <li
      className="flex items-center justify-between gap-3 border-t border-line py-3 first:border-t-0 first:pt-0"
      data-testid={testId}
    >
      <div className="min-w-0">
        <p className="break-words text-sm font-medium">{title}</p>
        {detail && <p className="mt-0.5 break-words text-xs text-ink-soft">{detail}</p>}
      </div>
      {action}
    </li>
  )
}

export const editTrigger =
  'min-h-11 shrink-0 rounded-xl border border-line bg-white px-3 text-sm font-medium text-ink hover:border-gold'
