import type { ChannelKind } from '../generated/prisma/enums'
import type { ChannelAdapter } from './types'
import { wecomAdapter } from './wecom/adapter'

// Every channel the product speaks; a new provider is one adapter added here.
export const ADAPTERS: Record<ChannelKind, ChannelAdapter> = {
  WECOM: wecomAdapter,
}

export const adapterFor = (kind: ChannelKind): ChannelAdapter => ADAPTERS[kind]
