import 'server-only'
import { fromPrisma } from 'pg-boss'
import webpush from 'web-push'
import { db } from '../db'
import type { PushStatus } from '../generated/prisma/enums'
import { producer, QUEUES } from '../jobs/boss'
import { log } from '../log'
import { vapidKeys } from './keys'
import { renderPush } from './messages'

export const MAX_PUSH_ATTEMPTS = 6
const FIRST_RETRY_SECONDS = 5
const LONGEST_RETRY_SECONDS = 10 * 60

// 5 s, 10 s, 20 s, 40 s, 80 s: an alert is worth little late, so retries are quick and few.
export function pushRetryDelaySeconds(attemptsSoFar: number) {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attemptsSoFar - 1), LONGEST_RETRY_SECONDS)
}

// How long a push service keeps a notification for a phone that is off: an alert older than
// this is no longer worth showing.
const TTL_SECONDS = 15 * 60

type Delivery = Awaited<ReturnType<typeof load>>[number]

const load = (ids: string[]) =>
  db.pushDelivery.findMany({
    where: { id: { in: ids }, status: { in: ['PENDING', 'RETRYING'] } },
    select: {
      id: true,
      userId: true,
      kind: true,
      requestId: true,
      requestNumber: true,
      attempts: true,
      subscription: { select: { id: true, endpoint: true, p256dh: true, auth: true } },
    },
  })

// One attempt at each of the given deliveries (the worker's job). The push service's answer
// decides: accepted -> SENT; 404/410 -> the subscription is gone and is deleted; anything else
// is retried with backoff, scheduled in the same commit that records the failure.
export async function sendPushDeliveries(ids: string[]): Promise<Record<string, PushStatus>> {
  const deliveries = await load(ids)
  if (!deliveries.length) return {}
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(deliveries.map((d) => d.userId))] } },
    select: { id: true, locale: true },
  })
  const localeOf = new Map(users.map((u) => [u.id, u.locale]))
  const keys = await vapidKeys()
  const outcome: Record<string, PushStatus> = {}
  await Promise.all(
    deliveries.map(async (d) => {
      outcome[d.id] = await sendOne(d, localeOf.get(d.userId) ?? 'zh_CN', keys)
    }),
  )
  return outcome
}

async function sendOne(
  d: Delivery,
  locale: 'zh_CN' | 'en',
  keys: Awaited<ReturnType<typeof vapidKeys>>,
): Promise<PushStatus> {
  const sub = d.subscription
  if (!sub) {
    await db.pushDelivery.update({ where: { id: d.id }, data: { status: 'GONE' } })
    return 'GONE'
  }
  const payload = renderPush(d.kind, locale, { id: d.requestId, number: d.requestNumber })
  const attempts = d.attempts + 1
  // The request is signed and encrypted by web-push and sent with fetch, so a push service on
  // plain http (the local one in tests and development) is reached the same way as a real one.
  const req = webpush.generateRequestDetails(
    { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
    JSON.stringify(payload),
    { vapidDetails: keys, TTL: TTL_SECONDS, urgency: 'high' },
  )
  const answer = await fetch(req.endpoint, {
    method: req.method,
    headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
    body: req.body ? new Uint8Array(req.body) : undefined,
    signal: AbortSignal.timeout(10_000),
  }).then(
    async (res) => ({ status: res.status, reason: res.ok ? '' : (await res.text()).slice(0, 300) }),
    (e: unknown) => ({ status: null, reason: (e instanceof Error ? e.message : String(e)).slice(0, 300) }),
  )
  if (answer.status === null || answer.status >= 300) {
    const { status, reason } = answer
    if (status === 404 || status === 410) {
      await db.$transaction([
        db.pushDelivery.update({ where: { id: d.id }, data: { status: 'GONE', attempts, lastError: reason } }),
        db.pushSubscription.deleteMany({ where: { id: sub.id } }),
      ])
      log.info({ deliveryId: d.id, subscriptionId: sub.id, status }, 'push subscription gone; removed')
      return 'GONE'
    }
    const again = attempts < MAX_PUSH_ATTEMPTS
    const delay = pushRetryDelaySeconds(attempts)
    await db.$transaction(async (tx) => {
      await tx.pushDelivery.update({
        where: { id: d.id },
        data: {
          status: again ? 'RETRYING' : 'FAILED',
          attempts,
          lastError: status ? `${status}: ${reason}` : reason,
          nextAttemptAt: again ? new Date(Date.now() + delay * 1000) : null,
        },
      })
      await tx.pushSubscription.updateMany({
        where: { id: sub.id, failingSince: null },
        data: { failingSince: new Date() },
      })
      if (again) {
        const boss = await producer()
        await boss.send(QUEUES.sendPush, { ids: [d.id] }, { db: fromPrisma(tx), startAfter: delay })
      }
    })
    log.warn({ deliveryId: d.id, attempts, retry: again, status, reason }, 'push send failed')
    return again ? 'RETRYING' : 'FAILED'
  }
  await db.$transaction([
    db.pushDelivery.update({
      where: { id: d.id },
      data: { status: 'SENT', attempts, sentAt: new Date(), nextAttemptAt: null, lastError: null },
    }),
    db.pushSubscription.updateMany({ where: { id: sub.id }, data: { failingSince: null, lastSentAt: new Date() } }),
  ])
  return 'SENT'
}
