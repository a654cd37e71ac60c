import 'server-only'
import { PgBoss } from 'pg-boss'
import { registerPoolCounter, sizes } from '../db/pools'
import { env } from '../env'
import { log } from '../log'

// Mail and cron work. SLA marks are not jobs: the worker's timer (lib/sla/timer.ts) decides them.
export const QUEUES = {
  careScan: 'care-scan',
  sendEmail: 'send-email',
  qaSample: 'qa-sample',
  rosterSync: 'roster-sync',
  // Messaging channels (lib/channels/): replies out, and the periodic catch-up pull.
  channelSend: 'channel-send',
  channelPoll: 'channel-poll',
  // Web Push notifications out (lib/push/), retried with backoff by the sender.
  sendPush: 'send-push',
} as const

// Job rows do not pile up: pg-boss's maintenance (run by the worker) deletes finished jobs after
// two days and drops jobs still waiting after a week (a mail or push that old is no longer useful).
export const JOB_RETENTION = { deleteAfterSeconds: 2 * 86_400, retentionSeconds: 7 * 86_400 }

// A job a worker took and never settled (the worker was killed, or the database went away as it
// recorded the outcome) used to stay "active" until pg-boss's 15-minute expiry: an alert pushed a
// quarter of an hour late. Every job now beats while its handler runs, and a job whose beat has
// been silent for JOB_HEARTBEAT_SECONDS is failed and retried by whichever worker looks next (every
// SUPERVISE_SECONDS). Failures are retried with backoff (1, 2, 4... up to 60 s), so a database or
// PgBouncer outage of a few seconds delays a job by seconds and loses none.
const JOB_HEARTBEAT_SECONDS = 10
const SUPERVISE_SECONDS = 10
export const JOB_POLICY = {
  ...JOB_RETENTION,
  heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
  retryLimit: 8,
  retryDelay: 1,
  retryBackoff: true,
  retryDelayMax: 60,
}

// Queues of the per-mark SLA jobs the timer replaced; deleted (with any jobs left in them) on start.
const RETIRED_QUEUES = ['sla-deadline', 'sla-at-risk', 'sla-handoff']

type Role = 'producer' | 'worker'

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> }

function options(role: Role) {
  // pg-boss takes only transaction-scoped advisory locks and, without useListenNotify, no LISTEN:
  // it runs behind a transaction-pooling PgBouncer like the data layer.
  const base = { connectionString: env().DATABASE_URL, max: role === 'worker' ? sizes().workerJobs : sizes().jobs }
  // Web copies only enqueue: maintenance, cron and schema migration belong to the worker.
  return role === 'worker'
    ? {
        ...base,
        supervise: true,
        schedule: true,
        migrate: true,
        superviseIntervalSeconds: SUPERVISE_SECONDS,
        monitorIntervalSeconds: SUPERVISE_SECONDS,
      }
    : { ...base, supervise: false, schedule: false, migrate: false }
}

export async function createBoss(role: Role) {
  const boss = new PgBoss(options(role))
  boss.on('error', (err) => log.error({ err, role }, 'pg-boss error'))
  const jobsDb = boss.getDb()
  registerPoolCounter('jobs', () => jobsDb.poolCounts?.() ?? null)
  try {
    await boss.start()
    if (role === 'worker') {
      for (const name of Object.values(QUEUES)) {
        await boss.createQueue(name, JOB_POLICY)
        // Queues made before the policy was set keep their old one unless told.
        await boss.updateQueue(name, JOB_POLICY)
      }
      for (const name of RETIRED_QUEUES) await boss.deleteQueue(name)
    }
  } catch (e) {
    // A start that failed half way (the database went away) leaves no pool or timer behind.
    await boss.stop({ graceful: false }).catch(() => {})
    throw e
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
