import { LIMIT_CURRENCY, type CURRENCIES } from './schemas'

type Currency = (typeof CURRENCIES)[number]

// The currency a client most likely pays vendors in, from where they live (their time zone is
// the one place on the profile that says so): a London client's dinner is in GBP, not CNY.
const BY_ZONE: Record<string, Currency> = {
  'Asia/Hong_Kong': 'HKD',
  'Asia/Macau': 'HKD',
  'Asia/Singapore': 'SGD',
  'Asia/Tokyo': 'JPY',
  'Europe/London': 'GBP',
  'Europe/Belfast': 'GBP',
}
const EURO_ZONES = new Set(
  [
    'Amsterdam',
    'Athens',
    'Berlin',
    'Bratislava',
    'Brussels',
    'Dublin',
    'Helsinki',
    'Lisbon',
    'Ljubljana',
    'Luxembourg',
    'Madrid',
    'Malta',
    'Monaco',
    'Paris',
    'Riga',
    'Rome',
    'Tallinn',
    'Vienna',
    'Vilnius',
    'Zagreb',
  ].map((city) => `Europe/${city}`),
)
const US_ZONES = new Set([
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
])

export function currencyForZone(timeZone: string): Currency {
  if (BY_ZONE[timeZone]) return BY_ZONE[timeZone]
  if (EURO_ZONES.has(timeZone)) return 'EUR'
  if (US_ZONES.has(timeZone)) return 'USD'
  return LIMIT_CURRENCY
}
