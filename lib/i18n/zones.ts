// Zones offered first in pickers: where the bank's clients live and travel most, with their
// cities' names as each language writes them.
const CITY_NAMES = {
  'Asia/Shanghai': { en: 'Shanghai', 'zh-CN': '上海' },
  'Asia/Hong_Kong': { en: 'Hong Kong', 'zh-CN': '香港' },
  'Asia/Singapore': { en: 'Singapore', 'zh-CN': '新加坡' },
  'Asia/Tokyo': { en: 'Tokyo', 'zh-CN': '东京' },
  'Asia/Dubai': { en: 'Dubai', 'zh-CN': '迪拜' },
  'Europe/London': { en: 'London', 'zh-CN': '伦敦' },
  'Europe/Paris': { en: 'Paris', 'zh-CN': '巴黎' },
  'Europe/Zurich': { en: 'Zurich', 'zh-CN': '苏黎世' },
  'America/New_York': { en: 'New York', 'zh-CN': '纽约' },
  'America/Los_Angeles': { en: 'Los Angeles', 'zh-CN': '洛杉矶' },
  'America/Vancouver': { en: 'Vancouver', 'zh-CN': '温哥华' },
  'Australia/Sydney': { en: 'Sydney', 'zh-CN': '悉尼' },
  UTC: { en: 'Coordinated Universal Time', 'zh-CN': '协调世界时' },
} as const satisfies Record<string, { en: string; 'zh-CN': string }>

export const COMMON_ZONES = Object.keys(CITY_NAMES) as (keyof typeof CITY_NAMES)[]

/** "Europe/London" -> "London" / "伦敦"; a zone we have no name for reads as its last part. */
export function cityNameOf(timeZone: string, locale: 'en' | 'zh-CN') {
  const known = (CITY_NAMES as Record<string, { en: string; 'zh-CN': string }>)[timeZone]
  if (known) return known[locale]
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ')
}
