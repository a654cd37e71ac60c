import { AppError } from '../errors'
import { wallTimeToUtc } from '../i18n/format'

// The moment a client wants, read in their own zone; refused next to the field unless it
// lies ahead. The schema has already checked the form and refused what has passed everywhere.
export function wantedAtInZone(local: string, timeZone: string) {
  const at = wallTimeToUtc(local, timeZone)
  if (!(at.getTime() > Date.now())) throw new AppError('INVALID_INPUT', 'errors.wantedInPast').forField('wantedAt')
  return at
}
