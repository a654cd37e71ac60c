import { receiveCallback } from '@/lib/channels/inbound'
import { wecomAdapter } from '@/lib/channels/wecom/adapter'
import { definePublicRoute } from '@/lib/next/route'

// WeCom's callback address: public by design; every call is authenticated by its signature
// (checked by the adapter before anything is read or written).
export const dynamic = 'force-dynamic'

export const GET = definePublicRoute({ name: 'wecomCallback' }, (request) => receiveCallback(wecomAdapter, request))

export const POST = definePublicRoute({ name: 'wecomCallback' }, (request) => receiveCallback(wecomAdapter, request))
