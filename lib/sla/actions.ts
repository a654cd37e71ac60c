'use server'

import { serve } from '../next/action'
import { deactivatePolicy, savePolicy } from './policies'
import { ZPolicyRef, ZSlaPolicy } from './schemas'

export const savePolicyAction = serve('system.configure', ZSlaPolicy, { savePolicy })

export const deactivatePolicyAction = serve('system.configure', ZPolicyRef, { deactivatePolicy })
