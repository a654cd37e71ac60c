'use server'

import { defineAction, ZNoInput } from '../next/action'
import { createBindingCode } from './binding'
import { bindContactAndRoute } from './inbound'
import { ZBindContact, ZWecomSettings } from './schemas'
import { saveWecomSettings } from './wecom/admin'

export const createBindingCodeAction = defineAction(
  { name: 'createBindingCode', can: 'profile.manage', schema: ZNoInput },
  (actor) => createBindingCode(actor),
)

export const bindChannelContactAction = defineAction(
  { name: 'bindChannelContact', can: 'request.serve', schema: ZBindContact },
  (actor, input) => bindContactAndRoute(actor, input),
)

export const saveWecomSettingsAction = defineAction(
  { name: 'saveWecomSettings', can: 'system.configure', schema: ZWecomSettings },
  (actor, input) => saveWecomSettings(actor, input),
)
