import { cachedAccessToken, forgetAccessToken, storeAccessToken, type WecomConfig } from './settings'

// Answers that mean "this access token is no good": refresh it and try once more.
const TOKEN_REFUSED = new Set([40001, 40014, 42001])
const TIMEOUT_MS = 10_000
const MAX_MEDIA_BYTES = 10 * 1024 * 1024

// WeCom answered with an error code.
export class WecomError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeCom error ${errcode}: ${errmsg}`)
    this.name = 'WecomError'
  }
}

// WeCom could not be reached or answered something that is not its API (network, HTTP 5xx).
export class WecomUnavailable extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WecomUnavailable'
  }
}

function apiUrl(cfg: WecomConfig, path: string, query: Record<string, string>) {
  const url = new URL(path, cfg.apiBase)
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  return url
}

async function fetchRaw(url: URL, init: RequestInit = {}) {
  let res: Response
  try {
    res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (e) {
    throw new WecomUnavailable(`network: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {})
    throw new WecomUnavailable(`HTTP ${res.status}`)
  }
  return res
}

async function readJson(res: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await res.json()
    if (body && typeof body === 'object') return body as Record<string, unknown>
  } catch {
    // fall through
  }
  throw new WecomUnavailable('answer was not JSON')
}

async function fetchNewToken(cfg: WecomConfig): Promise<string> {
  const body = await readJson(
    await fetchRaw(apiUrl(cfg, '/cgi-bin/gettoken', { corpid: cfg.corpId, corpsecret: cfg.secret })),
  )
  const errcode = Number(body.errcode ?? 0)
  if (errcode !== 0 || typeof body.access_token !== 'string')
    throw new WecomError(errcode, String(body.errmsg ?? 'no access_token'))
  const seconds = Number(body.expires_in) || 7200
  // Renewed five minutes early, so a token never runs out in the middle of a call.
  await storeAccessToken(body.access_token, new Date(Date.now() + Math.max(60, seconds - 300) * 1000))
  return body.access_token
}

async function accessToken(cfg: WecomConfig, refresh: boolean) {
  if (!refresh) {
    const cached = await cachedAccessToken()
    if (cached) return cached
  }
  return fetchNewToken(cfg)
}

type Call = { method: 'GET' | 'POST'; path: string; query?: Record<string, string>; body?: unknown }

// One WeCom API call with the shared access token. A refused token (invalid or expired) is
// replaced and the call made once more; any other error code is thrown as a WecomError.
async function withToken<T>(
  cfg: WecomConfig,
  call: Call,
  read: (res: Response) => Promise<{ errcode: number; errmsg: string } | { value: T }>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const token = await accessToken(cfg, attempt > 0)
    const res = await fetchRaw(apiUrl(cfg, call.path, { ...call.query, access_token: token }), {
      method: call.method,
      ...(call.body === undefined
        ? {}
        : { body: JSON.stringify(call.body), headers: { 'content-type': 'application/json' } }),
    })
    const out = await read(res)
    if ('value' in out) return out.value
    if (TOKEN_REFUSED.has(out.errcode) && attempt === 0) {
      await forgetAccessToken(token)
      continue
    }
    throw new WecomError(out.errcode, out.errmsg)
  }
}

export function wecomCall(cfg: WecomConfig, call: Call): Promise<Record<string, unknown>> {
  return withToken<Record<string, unknown>>(cfg, call, async (res) => {
    const body = await readJson(res)
    const errcode = Number(body.errcode ?? 0)
    return errcode === 0 ? { value: body } : { errcode, errmsg: String(body.errmsg ?? '') }
  })
}

// media/get answers with the file's bytes, or with a JSON error.
export function wecomMedia(cfg: WecomConfig, mediaId: string): Promise<Buffer> {
  return withToken<Buffer>(
    cfg,
    { method: 'GET', path: '/cgi-bin/media/get', query: { media_id: mediaId } },
    async (res) => {
      if ((res.headers.get('content-type') ?? '').includes('json')) {
        const body = await readJson(res)
        return { errcode: Number(body.errcode ?? -1), errmsg: String(body.errmsg ?? '') }
      }
      const bytes = Buffer.from(await res.arrayBuffer())
      if (bytes.length > MAX_MEDIA_BYTES) throw new WecomUnavailable('media too large')
      return { value: bytes }
    },
  )
}
