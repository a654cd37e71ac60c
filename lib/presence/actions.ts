'use server'

import { defineAction } from '../next/action'
import { ZTeamContact } from './schemas'
import { saveTeamContact } from './team-contact'

export const saveTeamContactAction = defineAction(
  { name: 'saveTeamContact', can: 'system.configure', schema: ZTeamContact },
  (actor, input) => saveTeamContact(actor, input),
)
