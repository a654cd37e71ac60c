import type { Metadata, Viewport } from 'next'
import { getLocale, getMessages, getTimeZone, getTranslations } from 'next-intl/server'
import { clientCatalogue } from '@/lib/i18n/client-catalogue'
import { ClientMessages } from '@/components/i18n/client-messages'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common')
  return { title: t('brand'), robots: { index: false, follow: false } }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#14213d' }

// The browser's part of each language's catalogue as JSON, made once per process (the catalogue
// module is loaded once, so its object is the key).
const catalogueJson = new WeakMap<object, string>()
function jsonOf(messages: Record<string, unknown>) {
  let json = catalogueJson.get(messages)
  if (json === undefined) catalogueJson.set(messages, (json = JSON.stringify(clientCatalogue(messages))))
  return json
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, timeZone, messages] = await Promise.all([getLocale(), getTimeZone(), getMessages()])
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <ClientMessages locale={locale} timeZone={timeZone} json={jsonOf(messages)}>
          {children}
        </ClientMessages>
      </body>
    </html>
  )
}
