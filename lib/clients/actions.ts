'use server'

import { defineAction, serve } from '../next/action'
import { ZClientNote, ZNotePin, ZRevealPii } from './schemas'
import { addClientNote, revealPii, setNotePinned } from './service'

export const addClientNoteAction = defineAction(
  { name: 'addClientNote', can: 'request.serve', schema: ZClientNote },
  async (actor, input) => ({ id: (await addClientNote(actor, input)).id }),
)

export const setNotePinnedAction = serve('request.serve', ZNotePin, { setNotePinned })

export const revealPiiAction = serve('request.serve', ZRevealPii, { revealPii })
