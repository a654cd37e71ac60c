'use server'

import { serve } from '../next/action'
import { ZRiskDecision, ZRiskRule } from './schemas'
import { decideRisk, saveRiskRule } from './service'

export const saveRiskRuleAction = serve('system.configure', ZRiskRule, { saveRiskRule })

export const decideRiskAction = serve('team.lead', ZRiskDecision, { decideRisk })
