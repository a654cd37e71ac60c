import 'server-only'
import { db } from '../db'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'
import { vapidKeys } from './keys'
import type { TPushDevice, TPushSubscribe } from './schemas'

// The key the browser subscribes with (public by design).
export async function pushPublicKey(actor: Actor) {
  assertCan(actor, 'account.use')
  return (await vapidKeys()).publicKey
}

// Turning push on in this browser. A browser has one subscription per site: when someone else
// signs in on it and turns push on, the device becomes theirs.
export async function subscribePush(actor: Actor, input: TPushSubscribe) {
  assertCan(actor, 'account.use')
  return db.$transaction(async (tx) => {
    const data = {
      userId: actor.userId,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      deviceName: input.deviceName,
      failingSince: null,
    }
    const row = await tx.pushSubscription.upsert({
      where: { endpoint: input.endpoint },
      create: { ...data, endpoint: input.endpoint },
      update: data,
      select: { id: true },
    })
    await recordAudit(tx, actor.userId, 'push.subscribed', 'PushSubscription', row.id, {
      data: { deviceName: input.deviceName },
    })
    return row
  })
}

// Removing one of one's own devices. Ownership is in the query: naming anyone else's device (or
// one already gone) removes nothing and says so.
export async function removePushDevice(actor: Actor, input: TPushDevice) {
  assertCan(actor, 'account.use')
  return db.$transaction(async (tx) => {
    const removed = await tx.pushSubscription.deleteMany({ where: { id: input.id, userId: actor.userId } })
    if (removed.count === 0) return { removed: false }
    await recordAudit(tx, actor.userId, 'push.removed', 'PushSubscription', input.id)
    return { removed: true }
  })
}

export async function listPushDevices(actor: Actor) {
  assertCan(actor, 'account.use')
  return db.pushSubscription.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, endpoint: true, deviceName: true, failingSince: true },
  })
}
