'use client'

import { useTranslations } from 'next-intl'
import { createContext, useContext, useRef, type ReactNode } from 'react'
import { CloseButton } from './close-button'

const SheetContext = createContext<{ close: () => void } | null>(null)

/** Lets a form inside a sheet close it (after a successful save). */
export function useSheet() {
  return useContext(SheetContext)
}

// A native modal dialog that rises from the bottom on a phone and sits centred on a wide
// screen: focus is trapped and returned, Escape closes it, the page behind is inert.
export function Sheet({
  trigger,
  triggerClassName = '',
  title,
  children,
  testId,
}: {
  trigger: ReactNode
  triggerClassName?: string
  title: string
  children: ReactNode
  testId?: string
}) {
  const t = useTranslations('sheet')
  const dialog = useRef<HTMLDialogElement>(null)
  const close = () => dialog.current?.close()
  return (
    <>
      <button type="button" className={triggerClassName} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </button>
      <dialog
        ref={dialog}
        aria-label={title}
        data-testid={testId}
        className="m-0 mt-auto w-full max-w-none rounded-t-3xl bg-ivory p-0 text-ink shadow-xl backdrop:bg-ink/40 sm:m-auto sm:max-w-md sm:rounded-3xl"
      >
        <div className="flex items-center justify-between border-b border-line px-5 py-3">
          <h2 className="font-medium">{title}</h2>
          <CloseButton
            onClick={close}
            label={t('close')}
            className="grid size-11 place-items-center rounded-full text-xl text-ink-soft hover:text-ink"
          />
        </div>
        <div className="max-h-[75dvh] overflow-y-auto px-5 pb-6 pt-4">
          <SheetContext.Provider value={{ close }}>{children}</SheetContext.Provider>
        </div>
      </dialog>
    </>
  )
}
