import 'server-only'
import { db } from '../../db'
import { authSecret } from '../../env'
import { AppError } from '../../errors'
import type { Actor } from '../../auth/roles'
import { assertCan } from '../../auth/policy'
import { sealSecret } from '../../auth/totp'
import { recordAudit } from '../../audit/record'
import type { TWecomSettings } from '../schemas'
import { DEFAULT_WECOM_API_BASE } from './settings'

export type WecomSettingsView = {
  configured: boolean
  apiBase: string
  corpId: string
  openKfId: string
  secretSet: boolean
  tokenSet: boolean
  aesKeySet: boolean
  updatedAt: string | null
}

// What the admin page shows: plain identifiers, and only whether each secret is set.
export async function wecomSettingsView(actor: Actor): Promise<WecomSettingsView> {
  assertCan(actor, 'system.configure')
  const s = await db.wecomSettings.findUnique({
    where: { id: 'wecom' },
    select: { apiBase: true, corpId: true, openKfId: true, updatedAt: true },
  })
  return {
    configured: s !== null,
    apiBase: s?.apiBase ?? DEFAULT_WECOM_API_BASE,
    corpId: s?.corpId ?? '',
    openKfId: s?.openKfId ?? '',
    secretSet: s !== null,
    tokenSet: s !== null,
    aesKeySet: s !== null,
    updatedAt: s?.updatedAt.toISOString() ?? null,
  }
}

// Secrets are sealed before they reach the database; an empty field keeps the stored one.
// A new corp id or secret drops the cached access token, which belonged to the old ones.
export async function saveWecomSettings(actor: Actor, input: TWecomSettings) {
  assertCan(actor, 'system.configure')
  const key = authSecret()
  return db.$transaction(async (tx) => {
    const current = await tx.wecomSettings.findUnique({ where: { id: 'wecom' }, select: { corpId: true } })
    if (!current && (!input.secret || !input.token || !input.aesKey)) {
      throw new AppError('INVALID_INPUT', 'errors.channelSecretsRequired')
    }
    const sealed = {
      ...(input.secret ? { secretSealed: sealSecret(input.secret, key) } : {}),
      ...(input.token ? { tokenSealed: sealSecret(input.token, key) } : {}),
      ...(input.aesKey ? { aesKeySealed: sealSecret(input.aesKey, key) } : {}),
    }
    const dropToken = !current || current.corpId !== input.corpId || Boolean(input.secret)
    const plain = { apiBase: input.apiBase, corpId: input.corpId, openKfId: input.openKfId }
    await tx.wecomSettings.upsert({
      where: { id: 'wecom' },
      create: {
        id: 'wecom',
        ...plain,
        secretSealed: sealed.secretSealed!,
        tokenSealed: sealed.tokenSealed!,
        aesKeySealed: sealed.aesKeySealed!,
      },
      update: { ...plain, ...sealed, ...(dropToken ? { accessTokenSealed: null, accessTokenExpiresAt: null } : {}) },
    })
    // Names of what changed, never values.
    await recordAudit(tx, actor.userId, 'channel.settings_changed', 'WecomSettings', 'wecom', {
      data: {
        replaced: Object.keys(sealed).map((k) => k.replace('Sealed', '')),
        corpIdChanged: current?.corpId !== input.corpId,
      },
    })
    return { saved: true }
  })
}
