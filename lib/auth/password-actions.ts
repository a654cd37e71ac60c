'use server'

import { defineAction } from '../next/action'
import { AppError } from '../errors'
import { ZChangePassword } from './schemas'
import { changePassword } from './sessions'

export const changePasswordAction = defineAction(
  { name: 'changePassword', can: 'account.use', schema: ZChangePassword },
  async (actor, input) => {
    if (!(await changePassword(actor, input.current, input.next)))
      throw new AppError('INVALID_INPUT', 'errors.passwordWrong').forField('current')
    return { changed: true }
  },
)
