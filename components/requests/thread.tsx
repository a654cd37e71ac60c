'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { formatTime, formatWhen, zoneOffset, type FriendlyLocale } from '@/lib/i18n/friendly'
import { cityNameOf } from '@/lib/i18n/zones'
import { markThreadReadAction } from '@/lib/portal/actions'
import type { MessageDTO } from '@/lib/requests/queries'
import { DeliveryStatus } from '@/components/channels/delivery-status'
import { useLiveRequest } from '@/components/live/live-request'
import { useStreamEvents } from '@/components/live/event-stream'
import { Avatar } from '@/components/ui/avatar'

// Something that belongs in the conversation's flow besides messages (a photo the client sent,
// a booking the team confirmed, an alternative offered), placed by its time.
export type FlowCard = { key: string; at: string; node: ReactNode }

// Staff only: an internal note, before and after it is sent.
const NOTE_CARD = 'border border-dashed border-amber-500 bg-amber-50 text-ink'

type Item = { kind: 'message'; at: string; m: MessageDTO } | { kind: 'card'; at: string; card: FlowCard }

// The viewer's own messages that the other side has had on screen: the last of them reads "Read".
function lastReadOwn(messages: MessageDTO[], mine: (m: MessageDTO) => boolean, readAt: string | null) {
  if (!readAt) return null
  const read = messages.filter((m) => mine(m) && !m.internal && m.createdAt <= readAt)
  return read.at(-1)?.id ?? null
}

// Marks the thread read whenever it is on screen and something new arrives (a message, or the
// tab coming back), and learns when the other side last read it: from the server's answer, and
// live from their `thread.read`. The latest of those wins.
function useReadMarker(requestId: string, viewer: 'client' | 'staff', count: number, initial: string | null) {
  const [learnt, setLearnt] = useState<string | null>(null)
  const learn = (at: string) => setLearnt((prev) => (prev && prev > at ? prev : at))
  const mark = useRef<() => void>(() => {})
  useEffect(() => {
    let stale = false
    mark.current = () => {
      if (document.visibilityState !== 'visible') return
      void markThreadReadAction({ requestId }).then((r) => {
        if (!stale && r.ok && r.data.otherReadAt) learn(r.data.otherReadAt)
      })
    }
    const onVisible = () => mark.current()
    mark.current()
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      stale = true
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [requestId, count])
  useStreamEvents((name, data) => {
    if (name !== 'thread.read' || data.requestId !== requestId || !data.readAt) return
    if (data.byClient === (viewer === 'staff')) learn(data.readAt)
  })
  return (
    [initial, learnt]
      .filter((x): x is string => x !== null)
      .sort()
      .at(-1) ?? null
  )
}

// The conversation as a chat, kept live by <LiveRequest>: the other side's bubbles on the left
// with their initials, the viewer's on the right, each with its time in the viewer's words ("Today
// 17:39"); staff also see the client's local time when it differs ("London 09:39"). For staff,
// internal notes are amber, dashed cards, as the composer shows them; clients never receive them. The viewer's own unconfirmed sends follow, marked as
// sending or, if the send failed, with a button that sends the same draft again (same idempotency
// key). Optional cards (attachments, confirmations, alternatives) sit in the flow by time.
export function Thread({
  timeZone,
  viewer,
  cards = [],
  readAt = null,
}: {
  timeZone: string
  viewer: 'client' | 'staff'
  cards?: FlowCard[]
  // When the other side last read the thread, as the server saw it (kept current in the browser).
  readAt?: string | null
}) {
  const t = useTranslations()
  const locale = useLocale() as FriendlyLocale
  const { request, messages, pending, retry } = useLiveRequest()
  const otherReadAt = useReadMarker(request.id, viewer, messages.length, readAt)
  const mine = (m: MessageDTO) => (viewer === 'staff' ? m.fromStaff : !m.fromStaff)
  const readId = lastReadOwn(messages, mine, otherReadAt)
  const lastOwnId = messages.filter((m) => mine(m) && !m.internal).at(-1)?.id
  const clientZone =
    viewer === 'staff' && zoneOffset(request.clientTimeZone) !== zoneOffset(timeZone) ? request.clientTimeZone : null

  const items: Item[] = [
    ...messages.map((m): Item => ({ kind: 'message', at: m.createdAt, m })),
    ...cards.map((card): Item => ({ kind: 'card', at: card.at, card })),
  ].sort((a, b) => a.at.localeCompare(b.at))

  if (items.length === 0 && pending.length === 0)
    return (
      <p className="py-6 text-center text-sm text-ink-soft">
        {t(viewer === 'staff' ? 'console.noMessages' : 'thread.empty')}
      </p>
    )
  return (
    <ol className="space-y-3" aria-label={t('portal.conversation')} data-testid="thread">
      {items.map((item, i) => {
        if (item.kind === 'card')
          return (
            <li key={`card-${item.card.key}`} className="flex justify-center">
              <div className="w-full max-w-[92%]">{item.card.node}</div>
            </li>
          )
        const m = item.m
        const own = mine(m)
        const prev = items[i - 1]
        // A run of messages from one person shows their name and initials once.
        const continued = prev?.kind === 'message' && prev.m.authorName === m.authorName && !prev.m.internal
        const dark = own && !m.internal
        return (
          <li
            key={m.id}
            className={`flex items-end gap-2 ${own ? 'justify-end' : 'justify-start'}`}
            data-testid="message"
            data-from={own ? 'me' : 'them'}
          >
            {!own && (
              <span className={continued ? 'invisible' : ''}>
                <Avatar name={m.authorName} photoUrl={m.authorPhotoUrl} size="sm" />
              </span>
            )}
            <div className={`flex max-w-[80%] flex-col ${own ? 'items-end' : 'items-start'}`}>
              {!own && !continued && <p className="mb-1 px-1 text-xs text-ink-soft">{m.authorName}</p>}
              <div
                className={`rounded-2xl px-4 py-2.5 text-sm shadow-sm ${
                  m.internal
                    ? NOTE_CARD
                    : own
                      ? 'rounded-br-md bg-ink text-ivory'
                      : 'rounded-bl-md border border-line bg-white'
                }`}
              >
                {m.internal && (
                  <p className="mb-1 text-xs font-semibold text-warn">
                    {t('console.noteBadge')} · {m.authorName}
                  </p>
                )}
                <p className="whitespace-pre-wrap break-words">{m.body}</p>
                <p className={`mt-1 text-right text-[11px] ${dark ? 'text-ivory/75' : 'text-ink-soft'}`}>
                  <time dateTime={m.createdAt}>{formatWhen(m.createdAt, { timeZone, locale })}</time>
                  {clientZone && (
                    <span data-testid="client-local-time">
                      {' · '}
                      {t('console.clientLocal', {
                        city: cityNameOf(clientZone, locale),
                        time: formatTime(m.createdAt, { timeZone: clientZone, locale }),
                      })}
                    </span>
                  )}
                </p>
                {m.delivery && <DeliveryStatus delivery={m.delivery} timeZone={timeZone} onDark={dark} />}
              </div>
              {own && m.id === lastOwnId && (
                <p className="mt-1 px-1 text-[11px] text-ink-soft" data-testid="read-status">
                  {m.id === readId ? t('thread.read') : t('thread.delivered')}
                </p>
              )}
              {own && m.id !== lastOwnId && m.id === readId && (
                <p className="mt-1 px-1 text-[11px] text-ink-soft">{t('thread.read')}</p>
              )}
            </div>
          </li>
        )
      })}
      {pending.map((p) => (
        <li
          key={p.key}
          className="flex justify-end"
          data-testid="message-pending"
          data-state={p.failed ? 'failed' : 'sending'}
        >
          <div
            className={`max-w-[80%] rounded-2xl px-4 py-2.5 text-sm shadow-sm ${
              p.internal ? NOTE_CARD : 'rounded-br-md bg-ink/80 text-ivory'
            }`}
          >
            <p className="whitespace-pre-wrap break-words">{p.body}</p>
            <p className={`mt-1 text-right text-[11px] ${p.failed ? 'font-medium text-bad' : 'opacity-80'}`}>
              {p.failed ? t('live.failed') : t('live.pending')}
              {p.failed && retry && (
                <button type="button" onClick={retry} className="ml-2 underline underline-offset-2">
                  {t('live.retry')}
                </button>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  )
}
