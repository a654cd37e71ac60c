'use server'

import { defineAction } from '../next/action'
import { ZRiskDecision, ZRiskRule } from './schemas'
import { decideRisk, saveRiskRule } from './service'

export const saveRiskRuleAction = defineAction(
  { name: 'saveRiskRule', can: 'system.configure', schema: ZRiskRule },
  (actor, input) => saveRiskRule(actor, input),
)

export const decideRiskAction = defineAction(
  { name: 'decideRisk', can: 'team.lead', schema: ZRiskDecision },
  (actor, input) => decideRisk(actor, input),
)
