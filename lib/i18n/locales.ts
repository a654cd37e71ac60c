export const LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]
export const LOCALE_COOKIE = 'NEXT_LOCALE'

// The database enum cannot hold a hyphen.
export const toAppLocale = (l: 'zh_CN' | 'en'): AppLocale => (l === 'en' ? 'en' : 'zh-CN')
export const toDbLocale = (l: AppLocale): 'zh_CN' | 'en' => (l === 'en' ? 'en' : 'zh_CN')

export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): AppLocale {
  if (cookie === 'en' || cookie === 'zh-CN') return cookie
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'zh-CN'
}
