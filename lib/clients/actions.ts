'use server'

import { defineAction } from '../action'
import { ZClientNote, ZNotePin, ZRevealPii } from './schemas'
import { addClientNote, revealPii, setNotePinned } from './service'

export const addClientNoteAction = defineAction(
  { name: 'addClientNote', roles: ['BUTLER', 'SUPERVISOR'], schema: ZClientNote },
  async (actor, input) => ({ id: (await addClientNote(actor, input)).id }),
)

export const setNotePinnedAction = defineAction(
  { name: 'setNotePinned', roles: ['BUTLER', 'SUPERVISOR'], schema: ZNotePin },
  (actor, input) => setNotePinned(actor, input),
)

export const revealPiiAction = defineAction(
  { name: 'revealPii', roles: ['BUTLER', 'SUPERVISOR'], schema: ZRevealPii },
  (actor, input) => revealPii(actor, input),
)
