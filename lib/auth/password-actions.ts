'use server'

import { defineAction } from '../action'
import { AppError } from '../errors'
import { SIGNED_IN_ROLES } from './roles'
import { ZChangePassword } from './schemas'
import { changePassword } from './sessions'

export const changePasswordAction = defineAction(
  { name: 'changePassword', roles: SIGNED_IN_ROLES, schema: ZChangePassword },
  async (actor, input) => {
    if (!(await changePassword(actor, input.current, input.next))) throw new AppError('INVALID_INPUT', 'errors.passwordWrong')
    return { changed: true }
  },
)
