'use client'

import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl'
import type { ReactNode } from 'react'
import { clientCatalogue } from '@/lib/i18n/client-catalogue'
import en from '@/messages/en.json'
import zhCN from '@/messages/zh-CN.json'

// The browser's part of each catalogue travels in the page's script, not in every page: a script
// is fetched once and kept by the browser (its address changes with each build), where a
// catalogue passed from the server is serialised into every page's HTML (about 25 KB) and costs
// the server 1-2 ms of CPU a page. Picked once per JS realm.
const CATALOGUES: Record<string, AbstractIntlMessages> = {
  en: clientCatalogue(en) as AbstractIntlMessages,
  'zh-CN': clientCatalogue(zhCN) as AbstractIntlMessages,
}

export function ClientMessages({
  locale,
  timeZone,
  children,
}: {
  locale: string
  timeZone: string
  children: ReactNode
}) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={CATALOGUES[locale] ?? CATALOGUES['zh-CN']}>
      {children}
    </NextIntlClientProvider>
  )
}
