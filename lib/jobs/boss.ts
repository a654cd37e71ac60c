import 'server-only'
import { PgBoss } from 'pg-boss'
import { env } from '../env'

export const QUEUES = {
  slaDeadline: 'sla-deadline',
  slaAtRisk: 'sla-at-risk',
  slaHandoff: 'sla-handoff',
  careScan: 'care-scan',
  sendEmail: 'send-email',
  qaSample: 'qa-sample',
  rosterSync: 'roster-sync',
  // Messaging channels (lib/channels/): replies out, and the periodic catch-up pull.
  channelSend: 'channel-send',
  channelPoll: 'channel-poll',
} as const

type Role = 'producer' | 'worker'

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> }

function options(role: Role) {
  const base = { connectionString: env().DATABASE_URL, max: role === 'worker' ? 6 : 2 }
  // Web copies only enqueue: maintenance, cron and schema migration belong to the worker.
  return role === 'worker'
    ? { ...base, supervise: true, schedule: true, migrate: true }
    : { ...base, supervise: false, schedule: false, migrate: false }
}

export async function createBoss(role: Role) {
  const boss = new PgBoss(options(role))
  boss.on('error', (err) => console.error(JSON.stringify({ level: 'error', msg: 'pg-boss', err: String(err) })))
  await boss.start()
  if (role === 'worker') {
    for (const name of Object.values(QUEUES)) await boss.createQueue(name)
  }
  return boss
}

// The producer used by web processes and services, started once per process.
export function producer(): Promise<PgBoss> {
  globalForBoss.boss ??= createBoss('producer').catch((e) => {
    globalForBoss.boss = undefined
    throw e
  })
  return globalForBoss.boss
}

export async function stopProducer() {
  const boss = globalForBoss.boss
  globalForBoss.boss = undefined
  if (boss) await (await boss).stop({ graceful: false })
}
