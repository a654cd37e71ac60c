// A local stand-in for WeCom's customer-service API (微信客服), written from WeCom's published
// documentation: gettoken, kf/sync_msg, kf/send_msg and media/get on 127.0.0.1 (a free port),
// plus the signed, encrypted callbacks WeCom sends to the app. Tests drive it as "a WeChat
// user writes" and read back what the app sent.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { encrypt, getSignature } from '../lib/channels/wecom/crypto'

export type SimMessage = {
  msgid: string
  open_kfid: string
  external_userid: string
  send_time: number
  origin: number
  msgtype: string
  text?: { content: string }
  image?: { media_id: string }
}

export type SimSend = { touser: string; open_kfid: string; msgid?: string; msgtype: string; text?: { content: string } }

const rand = (n = 8) => randomBytes(n).toString('hex')

export class WecomSimulator {
  readonly corpId = `ww${rand(8)}`
  readonly secret = `sim-secret-${rand(8)}`
  readonly token = `SimToken${rand(4)}`
  // 43 base64 characters without '+' or '/', as WeCom's console generates them.
  readonly aesKey = randomBytes(48).toString('base64').replace(/[+/=]/g, '').slice(0, 43)
  readonly openKfId = `wk${rand(6)}`
  url = ''

  // Every call the app made, in order (path and the errcode answered).
  readonly calls: { path: string; errcode: number }[] = []
  readonly messages: SimMessage[] = []
  readonly sent: SimSend[] = []
  // Error codes to answer the next send_msg calls with, one per call (e.g. -1 busy, 95018).
  failNextSends: number[] = []
  private readonly tokens = new Map<string, number>()
  private readonly syncTokens = new Set<string>()
  private readonly media = new Map<string, Buffer>()
  private server: Server | null = null

  async start() {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    const address = this.server.address()
    if (!address || typeof address === 'string') throw new Error('no port')
    this.url = `http://127.0.0.1:${address.port}`
    return this
  }

  async stop() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  // Every access token issued so far now answers 42001 (expired).
  expireTokens() {
    for (const t of this.tokens.keys()) this.tokens.set(t, 0)
  }

  // Every access token issued so far is forgotten and answers 40014 (invalid).
  invalidateTokens() {
    this.tokens.clear()
  }

  // Access tokens issued and still known, newest last.
  issuedTokens() {
    return [...this.tokens.keys()]
  }

  count(path: string, errcode?: number) {
    return this.calls.filter((c) => c.path === path && (errcode === undefined || c.errcode === errcode)).length
  }

  // A WeChat user writes to the customer-service account.
  userWrites(externalUserId: string, content: { text: string } | { image: Buffer }) {
    const base = {
      msgid: `msg${rand(10)}`,
      open_kfid: this.openKfId,
      external_userid: externalUserId,
      send_time: Math.floor(Date.now() / 1000),
      origin: 3,
    }
    if ('text' in content) this.messages.push({ ...base, msgtype: 'text', text: { content: content.text } })
    else {
      const mediaId = `media${rand(8)}`
      this.media.set(mediaId, content.image)
      this.messages.push({ ...base, msgtype: 'image', image: { media_id: mediaId } })
    }
    return base.msgid
  }

  // What WeCom posts to the callback URL when there is news for an account.
  callback(appUrl: string, o: { signature?: string } = {}) {
    const syncToken = `sync${rand(8)}`
    this.syncTokens.add(syncToken)
    const event =
      `<xml><ToUserName><![CDATA[${this.corpId}]]></ToUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>` +
      `<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[${syncToken}]]></Token>` +
      `<OpenKfId><![CDATA[${this.openKfId}]]></OpenKfId></xml>`
    const encrypted = encrypt(this.aesKey, event, this.corpId)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = rand(5)
    const signature = o.signature ?? getSignature(this.token, timestamp, nonce, encrypted)
    const url = `${appUrl}?${new URLSearchParams({ msg_signature: signature, timestamp, nonce })}`
    const body = `<xml><ToUserName><![CDATA[${this.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>`
    // A fresh Request each time, so the same callback can be delivered again (a replay).
    return {
      url,
      body,
      request: () => new Request(url, { method: 'POST', body, headers: { 'content-type': 'text/xml' } }),
    }
  }

  // The GET WeCom sends when an admin saves the callback URL in its console.
  verification(appUrl: string, echo: string, o: { signature?: string } = {}) {
    const echostr = encrypt(this.aesKey, echo, this.corpId)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = rand(5)
    const signature = o.signature ?? getSignature(this.token, timestamp, nonce, echostr)
    return new Request(`${appUrl}?${new URLSearchParams({ msg_signature: signature, timestamp, nonce, echostr })}`)
  }

  // Sends a callback to the app: over HTTP to a URL, or straight into a route handler.
  async sendCallback(
    target: string | ((request: Request) => Promise<Response>),
    appUrl = typeof target === 'string' ? target : 'http://app.local/api/channels/wecom',
  ) {
    const cb = this.callback(appUrl)
    return typeof target === 'string' ? fetch(cb.request()) : target(cb.request())
  }

  private answer(res: ServerResponse, path: string, body: Record<string, unknown>) {
    this.calls.push({ path, errcode: Number(body.errcode ?? 0) })
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url)
    const path = url.pathname
    let raw = ''
    for await (const chunk of req) raw += chunk
    if (path === '/cgi-bin/gettoken') {
      if (url.searchParams.get('corpid') !== this.corpId || url.searchParams.get('corpsecret') !== this.secret) {
        return this.answer(res, path, { errcode: 40001, errmsg: 'invalid credential' })
      }
      const token = `tok${rand(16)}`
      this.tokens.set(token, Date.now() + 7200_000)
      return this.answer(res, path, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 })
    }
    const token = url.searchParams.get('access_token')
    if (!token) return this.answer(res, path, { errcode: 41001, errmsg: 'access_token missing' })
    const expiresAt = this.tokens.get(token)
    if (expiresAt === undefined) return this.answer(res, path, { errcode: 40014, errmsg: 'invalid access_token' })
    if (expiresAt <= Date.now()) return this.answer(res, path, { errcode: 42001, errmsg: 'access_token expired' })

    if (path === '/cgi-bin/kf/sync_msg' && req.method === 'POST') {
      const body = JSON.parse(raw || '{}') as { cursor?: string; token?: string; limit?: number; open_kfid?: string }
      if (body.open_kfid !== this.openKfId)
        return this.answer(res, path, { errcode: 95000, errmsg: 'invalid open_kfid' })
      if (body.token !== undefined && !this.syncTokens.has(body.token))
        return this.answer(res, path, { errcode: 95007, errmsg: 'invalid msg token' })
      const start = body.cursor ? Number(body.cursor.replace(/^c/, '')) : 0
      const limit = Math.min(body.limit ?? 1000, 1000)
      const page = this.messages.slice(start, start + limit)
      const end = start + page.length
      return this.answer(res, path, {
        errcode: 0,
        errmsg: 'ok',
        next_cursor: `c${end}`,
        has_more: end < this.messages.length ? 1 : 0,
        msg_list: page,
      })
    }
    if (path === '/cgi-bin/kf/send_msg' && req.method === 'POST') {
      const body = JSON.parse(raw || '{}') as SimSend
      const fail = this.failNextSends.shift()
      if (fail !== undefined)
        return this.answer(res, path, {
          errcode: fail,
          errmsg: fail === 95018 ? 'send msg session state invalid' : 'system busy',
        })
      if (!body.touser || body.open_kfid !== this.openKfId || body.msgtype !== 'text' || !body.text?.content) {
        return this.answer(res, path, { errcode: 40003, errmsg: 'invalid parameter' })
      }
      // WeCom deduplicates by the caller's msgid: a resend is answered, not shown twice.
      if (!body.msgid || !this.sent.some((s) => s.msgid === body.msgid)) this.sent.push(body)
      return this.answer(res, path, { errcode: 0, errmsg: 'ok', msgid: body.msgid ?? `sent${rand(6)}` })
    }
    if (path === '/cgi-bin/media/get') {
      const bytes = this.media.get(url.searchParams.get('media_id') ?? '')
      if (!bytes) return this.answer(res, path, { errcode: 40007, errmsg: 'invalid media_id' })
      this.calls.push({ path, errcode: 0 })
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(bytes.length) }).end(bytes)
      return
    }
    res.writeHead(404).end()
  }
}
