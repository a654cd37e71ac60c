'use server'

import { serve } from '../next/action'
import { ZTeamContact } from './schemas'
import { saveTeamContact } from './team-contact'

export const saveTeamContactAction = serve('system.configure', ZTeamContact, { saveTeamContact })
