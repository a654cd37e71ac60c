// Zones offered first in pickers: where the bank's clients live and travel most, with their
// cities' names as each language writes them (English, Chinese).
const CITY_NAMES = {
  'Asia/Shanghai': ['Shanghai', '上海'],
  'Asia/Hong_Kong': ['Hong Kong', '香港'],
  'Asia/Singapore': ['Singapore', '新加坡'],
  'Asia/Tokyo': ['Tokyo', '东京'],
  'Asia/Dubai': ['Dubai', '迪拜'],
  'Europe/London': ['London', '伦敦'],
  'Europe/Paris': ['Paris', '巴黎'],
  'Europe/Zurich': ['Zurich', '苏黎世'],
  'America/New_York': ['New York', '纽约'],
  'America/Los_Angeles': ['Los Angeles', '洛杉矶'],
  'America/Vancouver': ['Vancouver', '温哥华'],
  'Australia/Sydney': ['Sydney', '悉尼'],
  UTC: ['Coordinated Universal Time', '协调世界时'],
} as const satisfies Record<string, readonly [en: string, zh: string]>

export const COMMON_ZONES = Object.keys(CITY_NAMES) as (keyof typeof CITY_NAMES)[]

/** "Europe/London" -> "London" / "伦敦"; a zone we have no name for reads as its last part. */
export function cityNameOf(timeZone: string, locale: 'en' | 'zh-CN') {
  const known = (CITY_NAMES as Record<string, readonly [string, string]>)[timeZone]
  if (known) return known[locale === 'en' ? 0 : 1]
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ')
}
