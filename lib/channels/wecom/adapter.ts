import 'server-only'
import { db } from '../../db'
import { log } from '../../log'
import type { ChannelAdapter, DeliveryResult, InboundMessage, InboundSink, OutboundMessage } from '../types'
import { WecomError, WecomUnavailable, wecomCall, wecomMedia } from './api'
import { decrypt, getSignature, signatureMatches } from './crypto'
import { loadWecomConfig, type WecomConfig } from './settings'
import { xmlField } from './xml'

// WeCom customer service (微信客服): a WeChat user writes to our customer-service account,
// WeCom calls back with a signed, encrypted "there is news" event, and we pull the messages
// with kf/sync_msg from a cursor we keep per account.

const MAX_CALLBACK_BYTES = 64 * 1024
const MAX_PAGES_PER_PULL = 20
// origin 3: sent by the WeChat user (4 is a system event, 5 a servicer's or our own send).
const FROM_CLIENT = 3

// Send errors that will not go away by waiting: the failure is final and shown as such.
// -1 (busy), 45009 (rate limit) and refused tokens are worth another try later.
const RETRYABLE = new Set([-1, 45009, 45033, 40001, 40014, 42001])

const text = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

async function readLimited(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_CALLBACK_BYTES) return null
  const body = await request.text().catch(() => null)
  return body !== null && Buffer.byteLength(body) <= MAX_CALLBACK_BYTES ? body : null
}

// The decrypted plaintext, or null when it is not ours: undecryptable, or meant for another corp.
function open(cfg: WecomConfig, encrypted: string): string | null {
  try {
    const { message, id } = decrypt(cfg.aesKey, encrypted)
    return id === cfg.corpId ? message : null
  } catch {
    return null
  }
}

function toInbound(raw: unknown): InboundMessage | null {
  if (!raw || typeof raw !== 'object') return null
  const m = raw as Record<string, unknown>
  if (
    m.origin !== FROM_CLIENT ||
    typeof m.msgid !== 'string' ||
    typeof m.external_userid !== 'string' ||
    typeof m.open_kfid !== 'string'
  )
    return null
  const base = {
    providerMessageId: m.msgid,
    contactRef: m.external_userid,
    accountRef: m.open_kfid,
    sentAt: typeof m.send_time === 'number' ? new Date(m.send_time * 1000) : new Date(),
  }
  const part = (key: string) => (m[key] && typeof m[key] === 'object' ? (m[key] as Record<string, unknown>) : {})
  if (m.msgtype === 'text' && typeof part('text').content === 'string') {
    return { ...base, content: { kind: 'text', text: part('text').content as string } }
  }
  if (m.msgtype === 'image' && typeof part('image').media_id === 'string') {
    return { ...base, content: { kind: 'image', mediaRef: part('image').media_id as string } }
  }
  if (m.msgtype === 'event') return null
  return {
    ...base,
    content: { kind: 'other', providerType: typeof m.msgtype === 'string' ? m.msgtype.slice(0, 40) : 'unknown' },
  }
}

// Pages through kf/sync_msg. Each page is stored and the cursor moved in one transaction, and
// only from the cursor this pull started with: when two pulls race, the later one stops
// instead of moving the cursor back; the messages both read are stored once (unique msgid).
async function pull(cfg: WecomConfig, openKfId: string, syncToken: string | null, sink: InboundSink) {
  for (let page = 0; page < MAX_PAGES_PER_PULL; page++) {
    const { cursor } = await db.wecomCursor.upsert({
      where: { openKfId },
      create: { openKfId },
      update: {},
      select: { cursor: true },
    })
    const body = await wecomCall(cfg, {
      method: 'POST',
      path: '/cgi-bin/kf/sync_msg',
      body: {
        ...(cursor ? { cursor } : {}),
        ...(syncToken ? { token: syncToken } : {}),
        limit: 1000,
        voice_format: 0,
        open_kfid: openKfId,
      },
    })
    const list = Array.isArray(body.msg_list) ? body.msg_list : []
    const messages = list.map(toInbound).filter((m): m is InboundMessage => m !== null)
    const next = typeof body.next_cursor === 'string' && body.next_cursor ? body.next_cursor : cursor
    const advanced = await db.$transaction(async (tx) => {
      await sink(tx, messages)
      const moved = await tx.wecomCursor.updateMany({ where: { openKfId, cursor }, data: { cursor: next } })
      return moved.count === 1
    })
    if (!advanced || Number(body.has_more) !== 1) return
  }
}

async function handleCallback(request: Request, sink: InboundSink): Promise<Response> {
  const url = new URL(request.url)
  const signature = url.searchParams.get('msg_signature') ?? ''
  const timestamp = url.searchParams.get('timestamp') ?? ''
  const nonce = url.searchParams.get('nonce') ?? ''
  if (!signature || !timestamp || !nonce) return text('missing parameters', 400)
  const cfg = await loadWecomConfig()
  if (!cfg) return text('not configured', 404)

  // URL verification when the callback address is saved in WeCom's console.
  if (request.method === 'GET') {
    const echostr = url.searchParams.get('echostr') ?? ''
    if (!echostr) return text('missing echostr', 400)
    if (!signatureMatches(getSignature(cfg.token, timestamp, nonce, echostr), signature))
      return text('bad signature', 403)
    const plain = open(cfg, echostr)
    return plain === null ? text('undecryptable', 400) : text(plain)
  }

  const body = await readLimited(request)
  if (body === null) return text('too large', 413)
  const encrypted = xmlField(body, 'Encrypt')
  if (!encrypted) return text('no Encrypt field', 400)
  if (!signatureMatches(getSignature(cfg.token, timestamp, nonce, encrypted), signature))
    return text('bad signature', 403)
  const event = open(cfg, encrypted)
  if (event === null) return text('undecryptable', 400)
  const openKfId = xmlField(event, 'OpenKfId')
  if (xmlField(event, 'MsgType') === 'event' && xmlField(event, 'Event') === 'kf_msg_or_event' && openKfId) {
    try {
      await pull(cfg, openKfId, xmlField(event, 'Token'), sink)
    } catch (e) {
      // WeCom is answered anyway: the worker's periodic pull picks up from the stored cursor.
      log.warn({ err: e instanceof Error ? e.message : String(e) }, 'wecom sync_msg failed')
    }
  }
  return text('success')
}

async function send(message: OutboundMessage): Promise<DeliveryResult> {
  const cfg = await loadWecomConfig()
  if (!cfg) return { ok: false, retry: false, reason: 'WeCom is not configured' }
  try {
    const body = await wecomCall(cfg, {
      method: 'POST',
      path: '/cgi-bin/kf/send_msg',
      body: {
        touser: message.contactRef,
        open_kfid: message.accountRef || cfg.openKfId,
        msgid: message.idempotencyKey.slice(0, 32),
        msgtype: 'text',
        text: { content: message.text },
      },
    })
    return { ok: true, providerMessageId: typeof body.msgid === 'string' ? body.msgid : null }
  } catch (e) {
    if (e instanceof WecomError)
      return { ok: false, retry: RETRYABLE.has(e.errcode), reason: `${e.errcode} ${e.errmsg}`.slice(0, 300) }
    if (e instanceof WecomUnavailable) return { ok: false, retry: true, reason: e.message.slice(0, 300) }
    throw e
  }
}

export const wecomAdapter: ChannelAdapter = {
  kind: 'WECOM',
  handleCallback,
  async poll(sink) {
    const cfg = await loadWecomConfig()
    if (cfg) await pull(cfg, cfg.openKfId, null, sink)
  },
  async fetchMedia(mediaRef) {
    const cfg = await loadWecomConfig()
    if (!cfg) throw new Error('WeCom is not configured')
    return wecomMedia(cfg, mediaRef)
  },
  send,
}
