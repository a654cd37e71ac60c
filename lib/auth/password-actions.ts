'use server'

import { defineAction } from '../action'
import { AppError } from '../errors'
import { ZChangePassword } from './schemas'
import { changePassword } from './sessions'

export const changePasswordAction = defineAction(
  { name: 'changePassword', roles: ['CLIENT', 'DELEGATE', 'BUTLER', 'SUPERVISOR', 'ADMIN'], schema: ZChangePassword },
  async (actor, input) => {
    if (!(await changePassword(actor, input.current, input.next))) throw new AppError('INVALID_INPUT', 'errors.passwordWrong')
    return { changed: true }
  },
)
