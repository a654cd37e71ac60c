'use client'

import { useState } from 'react'
import { flushSync } from 'react-dom'

// A folded part of a page (<details>) whose contents are rendered the first time it opens, and
// kept from then on (what was typed survives closing it). The forms a butler opens now and then
// (a vendor order, a hand-off, a transfer) then cost the server nothing on every page view.
// Opening by click or keyboard renders at once (flushSync), so a shortcut that clicks the
// summary can focus a field inside straight after.
export function Fold({
  summary,
  children,
  id,
  className,
  summaryClassName,
}: {
  summary: React.ReactNode
  children: React.ReactNode
  id?: string
  className?: string
  summaryClassName?: string
}) {
  const [opened, setOpened] = useState(false)
  const open = () => {
    if (!opened) flushSync(() => setOpened(true))
  }
  return (
    <details id={id} className={className} onToggle={(e) => e.currentTarget.open && open()}>
      <summary className={summaryClassName} onClick={open}>
        {summary}
      </summary>
      {opened && children}
    </details>
  )
}
