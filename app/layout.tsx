import type { Metadata, Viewport } from 'next'
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server'
import { ClientMessages } from '@/components/i18n/client-messages'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common')
  return { title: t('brand'), robots: { index: false, follow: false } }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#14213d' }

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()])
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <ClientMessages locale={locale} timeZone={timeZone}>
          {children}
        </ClientMessages>
      </body>
    </html>
  )
}
