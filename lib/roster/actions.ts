'use server'

import { defineAction, serve } from '../next/action'
import { wallTimeToUtc } from '../i18n/format'
import { ZDeleteShift, ZShift } from './schemas'
import { addShift, deleteShift } from './service'

export const addShiftAction = defineAction(
  { name: 'addShift', can: 'team.lead', schema: ZShift },
  async (actor, input) => {
    // The supervisor plans in their own zone; shifts are stored as UTC instants.
    const startsAt = wallTimeToUtc(`${input.day}T${String(input.startHour).padStart(2, '0')}:00`, actor.timeZone)
    const endsAt = new Date(startsAt.getTime() + input.hours * 3_600_000)
    return { id: (await addShift(actor, input, startsAt, endsAt)).id }
  },
)

export const deleteShiftAction = serve('team.lead', ZDeleteShift, { deleteShift })
