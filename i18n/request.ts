import { cookies, headers } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { currentActor } from '@/lib/next/guards'
import { LOCALE_COOKIE, pickLocale, toAppLocale } from '@/lib/i18n/locales'

// Signed-in users get their profile's language and time zone; visitors get their cookie or
// their browser's preference.
export default getRequestConfig(async () => {
  const actor = await currentActor().catch(() => null)
  const locale = actor
    ? toAppLocale(actor.locale)
    : pickLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'))
  return {
    locale,
    timeZone: actor?.timeZone ?? 'Asia/Shanghai',
    messages: (await import(`../messages/${locale}.json`)).default,
  }
})
