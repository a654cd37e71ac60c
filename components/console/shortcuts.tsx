'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'

export type Shortcut = { key: string; label: string; focus?: string; href?: string; click?: string }

export const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.isContentEditable)

// Single-key shortcuts for the console; "?" shows them all. Keys do nothing while typing,
// and Escape leaves a field so the keys work again.
export function Shortcuts({ items }: { items: Shortcut[] }) {
  const t = useTranslations('shortcuts')
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    if (open) dialog.current?.showModal()
    else dialog.current?.close()
  }, [open])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && isTyping(e.target)) return (e.target as HTMLElement).blur()
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return
      if (e.key === '?') {
        setOpen((o) => !o)
        e.preventDefault()
        return
      }
      // Keys listed only to be known (Enter in the queue, Ctrl+Enter in the reply box) are left
      // to the control that has focus.
      const s = items.find((i) => i.key === e.key && (i.href || i.focus || i.click))
      if (!s) return
      e.preventDefault()
      if (s.href) router.push(s.href)
      // Click first: it may open what holds the field to focus (a folded form, a tab).
      if (s.click) (document.querySelector(s.click) as HTMLElement | null)?.click()
      if (s.focus) document.getElementById(s.focus)?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [items, router])

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-lg border border-line px-2 py-1 text-xs text-ink-soft hover:bg-gold-soft"
        aria-keyshortcuts="?"
      >
        {t('help')} <kbd className="ml-1 font-mono">?</kbd>
      </button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-labelledby="shortcuts-title"
        className="m-auto w-full max-w-md rounded-2xl border border-line p-6 backdrop:bg-ink/30"
      >
        <h2 id="shortcuts-title" className="mb-4 text-lg font-semibold">
          {t('title')}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {[...items, { key: '?', label: t('toggle') }, { key: 'Esc', label: t('leaveField') }].map((i) => (
            <div key={i.key} className="contents">
              <dt>
                <kbd className="rounded border border-line bg-ivory px-1.5 py-0.5 font-mono text-xs">{i.key}</kbd>
              </dt>
              <dd>{i.label}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-6 text-right">
          <button className="rounded-lg bg-ink px-3 py-1.5 text-sm text-ivory">{t('close')}</button>
        </form>
      </dialog>
    </>
  )
}
