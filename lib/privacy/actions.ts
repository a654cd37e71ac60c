'use server'

import { serve } from '../next/action'
import { eraseClient } from './erasure'
import { ZEraseClient } from './schemas'

export const eraseClientAction = serve('privacy.erase', ZEraseClient, { eraseClient })
