import { receiveCallback } from '@/lib/channels/inbound'
import { wecomAdapter } from '@/lib/channels/wecom/adapter'
import { withLogContext } from '@/lib/log'

// WeCom's callback address: public by design; every call is authenticated by its signature
// (checked by the adapter before anything is read or written).
export const dynamic = 'force-dynamic'

export function GET(request: Request) {
  return withLogContext(null, () => receiveCallback(wecomAdapter, request))
}

export function POST(request: Request) {
  return withLogContext(null, () => receiveCallback(wecomAdapter, request))
}
