'use server'

import { serve } from '../next/action'
import { ZChecklistTick } from './schemas'
import { tickChecklistStep } from './service'

export const tickChecklistStepAction = serve('request.serve', ZChecklistTick, { tickChecklistStep })
