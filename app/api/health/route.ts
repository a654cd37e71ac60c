import { db } from '@/lib/db'
import { poolUse } from '@/lib/db/pools'
import { replicaLagMs } from '@/lib/db/replica'
import { log } from '@/lib/log'
import { definePublicRoute } from '@/lib/next/route'

export const dynamic = 'force-dynamic'

const WORKER_STALE_MS = 15_000

// Liveness for load balancers and the zero-setup check: database reachable, worker beating; and
// for operations, what each connection pool of this web copy holds (in use, idle, max, waiting).
export const GET = definePublicRoute({ name: 'health' }, async () => {
  try {
    const [{ now }] = await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`
    const beat = await db.workerHeartbeat.findFirst({ orderBy: { seenAt: 'desc' }, select: { seenAt: true } })
    const workerAgeMs = beat ? now.getTime() - beat.seenAt.getTime() : null
    const workerOk = workerAgeMs !== null && workerAgeMs < WORKER_STALE_MS
    return Response.json(
      {
        status: workerOk ? 'ok' : 'degraded',
        database: 'ok',
        worker: workerOk ? 'ok' : 'stale',
        workerAgeMs,
        pools: poolUse(),
        replicaLagMs: await replicaLagMs().catch(() => null),
      },
      { status: 200, headers: { 'Cache-Control': 'no-store' } },
    )
  } catch (e) {
    log.warn({ err: e }, 'health check: database unreachable')
    return Response.json(
      { status: 'down', database: 'unreachable', worker: 'unknown', pools: poolUse() },
      { status: 503 },
    )
  }
})
