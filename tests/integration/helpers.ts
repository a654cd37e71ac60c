import { loadActor, createSession } from '../../lib/auth/sessions'
import { db } from '../../lib/db'
import type { Actor } from '../../lib/auth/roles'
import { createClient, createStaff } from '../factories'

export async function actorFor(userId: string): Promise<Actor> {
  const actor = await loadActor(await createSession(userId))
  if (!actor) throw new Error('no actor')
  return actor
}

// Short clocks so deadlines pass within a test: whole seconds, as an admin would set them.
export async function useResponsePolicy(targetSeconds: number, atRiskSeconds?: number) {
  await db.slaPolicy.deleteMany({ where: { kind: { in: ['FIRST_RESPONSE', 'NEXT_RESPONSE'] } } })
  await db.slaPolicy.createMany({
    data: (['FIRST_RESPONSE', 'NEXT_RESPONSE'] as const).map((kind) => ({ kind, targetSeconds, atRiskSeconds })),
  })
}

export async function teamWithClient(name = 'Client') {
  const butler = await createStaff(db, { name: `${name} Butler` })
  const backup = await createStaff(db, { name: `${name} Backup` })
  const client = await createClient(db, { name, dedicatedButlerId: butler.id, backupButlerId: backup.id })
  return {
    butler,
    backup,
    client,
    clientActor: await actorFor(client.userId),
    butlerActor: await actorFor(butler.id),
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function waitFor<T>(
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  stepMs = 50,
): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`)
    await sleep(stepMs)
  }
}
