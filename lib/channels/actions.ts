'use server'

import { defineAction, serve, ZNoInput } from '../next/action'
import { createBindingCode } from './binding'
import { bindContactAndRoute } from './inbound'
import { ZBindContact, ZWecomSettings } from './schemas'
import { saveWecomSettings } from './wecom/admin'

export const createBindingCodeAction = defineAction(
  { name: 'createBindingCode', can: 'profile.manage', schema: ZNoInput },
  (actor) => createBindingCode(actor),
)

export const bindChannelContactAction = serve('request.serve', ZBindContact, {
  bindChannelContact: bindContactAndRoute,
})

export const saveWecomSettingsAction = serve('system.configure', ZWecomSettings, { saveWecomSettings })
