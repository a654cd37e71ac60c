import 'server-only'
import { db } from '../../db'
import { authSecret } from '../../env'
import { openSecret, sealSecret } from '../../auth/totp'

export const DEFAULT_WECOM_API_BASE = 'https://qyapi.weixin.qq.com'

export type WecomConfig = {
  apiBase: string
  corpId: string
  secret: string
  token: string
  aesKey: string
  openKfId: string
}

// Opened only inside the server, per use; pages see which fields are set, never their values.
export async function loadWecomConfig(): Promise<WecomConfig | null> {
  const s = await db.wecomSettings.findUnique({ where: { id: 'wecom' } })
  if (!s) return null
  const key = authSecret()
  return {
    apiBase: s.apiBase,
    corpId: s.corpId,
    openKfId: s.openKfId,
    secret: openSecret(s.secretSealed, key),
    token: openSecret(s.tokenSealed, key),
    aesKey: openSecret(s.aesKeySealed, key),
  }
}

export async function cachedAccessToken(): Promise<string | null> {
  const s = await db.wecomSettings.findUnique({
    where: { id: 'wecom' },
    select: { accessTokenSealed: true, accessTokenExpiresAt: true },
  })
  if (!s?.accessTokenSealed || !s.accessTokenExpiresAt || s.accessTokenExpiresAt <= new Date()) return null
  return openSecret(s.accessTokenSealed, authSecret())
}

// Shared by every web and worker process through the database.
export async function storeAccessToken(token: string, expiresAt: Date) {
  await db.wecomSettings.updateMany({
    where: { id: 'wecom' },
    data: { accessTokenSealed: sealSecret(token, authSecret()), accessTokenExpiresAt: expiresAt },
  })
}

export async function forgetAccessToken(token: string) {
  // Only the token that was refused: a fresher one another process stored stays.
  const current = await cachedAccessToken()
  if (current === token)
    await db.wecomSettings.updateMany({
      where: { id: 'wecom' },
      data: { accessTokenSealed: null, accessTokenExpiresAt: null },
    })
}
