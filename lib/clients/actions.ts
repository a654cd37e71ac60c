'use server'

import { defineAction } from '../next/action'
import { ZClientNote, ZNotePin, ZRevealPii } from './schemas'
import { addClientNote, revealPii, setNotePinned } from './service'

export const addClientNoteAction = defineAction(
  { name: 'addClientNote', can: 'request.serve', schema: ZClientNote },
  async (actor, input) => ({ id: (await addClientNote(actor, input)).id }),
)

export const setNotePinnedAction = defineAction(
  { name: 'setNotePinned', can: 'request.serve', schema: ZNotePin },
  (actor, input) => setNotePinned(actor, input),
)

export const revealPiiAction = defineAction(
  { name: 'revealPii', can: 'request.serve', schema: ZRevealPii },
  (actor, input) => revealPii(actor, input),
)
