import 'server-only'
import webpush from 'web-push'
import { db } from '../db'
import { authSecret, env } from '../env'
import { openSecret, sealSecret } from '../auth/totp'

export type VapidKeys = { publicKey: string; privateKey: string; subject: string }

let cached: Promise<VapidKeys> | undefined

// The key pair from the environment, else the one kept in the database, else a new one generated
// and kept there (the private key sealed). Two processes starting at once both insert "if absent"
// and then read the one row, so every process signs with the same pair.
export function vapidKeys(): Promise<VapidKeys> {
  cached ??= loadKeys().catch((e: unknown) => {
    cached = undefined
    throw e
  })
  return cached
}

async function loadKeys(): Promise<VapidKeys> {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT: subject } = env()
  if (VAPID_PUBLIC_KEY && VAPID_PRIVATE_KEY)
    return { publicKey: VAPID_PUBLIC_KEY, privateKey: VAPID_PRIVATE_KEY, subject }
  const fresh = webpush.generateVAPIDKeys()
  await db.pushKeys.createMany({
    data: [{ publicKey: fresh.publicKey, privateKeySealed: sealSecret(fresh.privateKey, authSecret()) }],
    skipDuplicates: true,
  })
  const row = await db.pushKeys.findUniqueOrThrow({ where: { id: 'vapid' } })
  return { publicKey: row.publicKey, privateKey: openSecret(row.privateKeySealed, authSecret()), subject }
}
