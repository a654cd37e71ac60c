import 'server-only'
import { createTranslator } from 'use-intl/core'
import type { Locale, PushKind } from '../generated/prisma/enums'
import en from '../../messages/en.json'
import zh from '../../messages/zh-CN.json'

export type PushPayload = { title: string; body: string; url: string; tag: string }

const CLIENT_KINDS: readonly PushKind[] = ['REPLIED', 'ALTERNATIVE', 'VENDOR_CONFIRMED']

// What a lock screen may show: the kind and the request number, never a name, a place or a
// message. The text is in the recipient's language; the link opens the request.
export function renderPush(kind: PushKind, locale: Locale, request: { id: string; number: number }): PushPayload {
  const t = createTranslator({
    locale: locale === 'en' ? 'en' : 'zh-CN',
    messages: locale === 'en' ? en : zh,
    namespace: 'push.notification',
  })
  const base = CLIENT_KINDS.includes(kind) ? '/portal/requests/' : '/console/requests/'
  return {
    title: t(`${kind}.title`, { number: request.number }),
    body: t(`${kind}.body`),
    url: `${base}${request.id}`,
    // One notification per request and kind on a device: a repeat replaces, not stacks.
    tag: `${kind}-${request.number}`,
  }
}
