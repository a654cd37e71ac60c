'use server'

import { definePublicAction } from '@/lib/next/action'
import { acceptInvitation } from '@/lib/clients/delegates'
import { ZAcceptInvitation } from '@/lib/clients/schemas'

export const acceptInvitationAction = definePublicAction(
  { name: 'acceptInvitation', schema: ZAcceptInvitation },
  (input) => acceptInvitation(input),
)
