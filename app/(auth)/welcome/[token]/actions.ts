'use server'

import { definePublicAction } from '@/lib/next/action'
import { ZAcceptStaffInvite } from '@/lib/staff/schemas'
import { acceptStaffInvite } from '@/lib/staff/service'

export const acceptStaffInviteAction = definePublicAction(
  { name: 'acceptStaffInvite', schema: ZAcceptStaffInvite },
  (input) => acceptStaffInvite(input),
)
