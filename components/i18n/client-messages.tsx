'use client'

import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl'
import type { ReactNode } from 'react'

// The catalogue arrives as one JSON string: React sends a string as it is, where a nested object
// of a thousand messages is walked key by key on the server and again in the browser, on every
// page. Parsed once per catalogue (one per language and build) in each JS realm.
const parsed = new Map<string, AbstractIntlMessages>()

function messagesOf(json: string) {
  let messages = parsed.get(json)
  if (!messages) {
    if (parsed.size > 8) parsed.clear()
    messages = JSON.parse(json) as AbstractIntlMessages
    parsed.set(json, messages)
  }
  return messages
}

export function ClientMessages({
  locale,
  timeZone,
  json,
  children,
}: {
  locale: string
  timeZone: string
  json: string
  children: ReactNode
}) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messagesOf(json)}>
      {children}
    </NextIntlClientProvider>
  )
}
