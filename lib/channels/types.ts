import 'server-only'
import type { Tx } from '../db'
import type { ChannelKind } from '../generated/prisma/enums'

// The channel boundary. An adapter speaks one provider's protocol (WeCom today; SMS or
// WhatsApp later) and nothing else: it turns callbacks into "message from contact X" and
// sends a staff reply to a contact. Binding contacts to clients, routing into requests and
// the SLA clocks live in lib/channels/*.ts and the request service, which never learn
// which channel a message came from.

type InboundContent =
  | { kind: 'text'; text: string }
  | { kind: 'image'; mediaRef: string }
  // Voice, video, files, locations...: stored and shown as "a <type> message arrived".
  | { kind: 'other'; providerType: string }

export type InboundMessage = {
  // The provider's own id: a repeated callback carries the same id and is stored once.
  providerMessageId: string
  // Who wrote (WeCom external_userid) and to which of our accounts (WeCom open_kfid).
  contactRef: string
  accountRef: string
  sentAt: Date
  content: InboundContent
}

// Stores a batch inside the adapter's transaction, so an adapter that keeps a read position
// (WeCom's sync cursor) advances it in the same commit as the messages it read.
export type InboundSink = (tx: Tx, messages: InboundMessage[]) => Promise<void>

export type OutboundMessage = {
  contactRef: string
  accountRef: string
  text: string
  // Stable across retries, so a provider that deduplicates never shows a reply twice.
  idempotencyKey: string
}

// retry: worth trying again later (network, provider busy); false: it will never go through
// as it is (e.g. the conversation window closed), so the failure is final and shown as such.
export type DeliveryResult =
  { ok: true; providerMessageId: string | null } | { ok: false; retry: boolean; reason: string }

export type ChannelAdapter = {
  kind: ChannelKind
  // Answers the provider's HTTP callback: verifies it (a bad signature gets 403 and writes
  // nothing), and hands any new messages to the sink. Never throws on bad input.
  handleCallback(request: Request, sink: InboundSink): Promise<Response>
  // A catch-up pull, for messages whose callback never arrived.
  poll(sink: InboundSink): Promise<void>
  fetchMedia(mediaRef: string): Promise<Buffer>
  send(message: OutboundMessage): Promise<DeliveryResult>
}
