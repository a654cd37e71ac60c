import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../lib/audit/queries'
import { db, readDb } from '../../lib/db'
import { replicaLagMs, replicaLagNotice } from '../../lib/db/replica'
import { stopProducer } from '../../lib/jobs/boss'
import { categoryMix } from '../../lib/kpi/queries'
import { createRequest } from '../../lib/requests/lifecycle'
import { exportRequestRows, getRequestDetail } from '../../lib/requests/queries'
import { createStaff } from '../factories'
import { actorFor, sleep, teamWithClient, useResponsePolicy, waitFor } from './helpers'
import { serverDir, startReplicatedCluster, type ReplicatedCluster } from './servers'

// A real streaming replica: the test starts its own primary (initdb) and a replica of it
// (pg_basebackup -R), loads the app's schema from the test database, and points the app at them.
const source = process.env.DATABASE_URL!
const DB = 'diamond'
const lounge = { category: 'TRAVEL' as const, title: 'Lounge', details: { service: 'LOUNGE' as const, passengers: 1 } }
const today = () => ({ from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 3_600_000) })

async function on(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(sql)).rows
  } finally {
    await c.end()
  }
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status}: ${r.stderr}`)
}

describe('reading work on a streaming replica', () => {
  let cluster: ReplicatedCluster
  const scratch = serverDir('schema-')

  beforeAll(async () => {
    cluster = await startReplicatedCluster()
    // The app's schema (and the job queue's and rate limiter's), as the freshly reset test database has it.
    const dump = path.join(scratch, 'schema.dump')
    run('pg_dump', ['--format=custom', '--file', dump, source])
    await on(cluster.primaryUrl('postgres'), `CREATE DATABASE ${DB}`)
    run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', cluster.primaryUrl(DB), dump])
    process.env.DATABASE_URL = cluster.primaryUrl(DB)
    process.env.DATABASE_DIRECT_URL = cluster.primaryUrl(DB)
    process.env.DATABASE_REPLICA_URL = cluster.replicaUrl(DB)
    await waitFor(
      () =>
        on(cluster.replicaUrl(DB), `SELECT 1 FROM "ServiceRequest" LIMIT 1`).then(
          () => true,
          () => false,
        ),
      10_000,
    )
  }, 60_000)

  afterAll(async () => {
    await stopProducer()
    await db.$disconnect()
    await readDb.$disconnect()
    await cluster?.stop()
    rmSync(scratch, { recursive: true, force: true })
    process.env.DATABASE_URL = source
  })

  it('KPIs, exports and the audit log read the replica; the console reads its own writes on the primary', async () => {
    await useResponsePolicy(180)
    const { clientActor, butlerActor } = await teamWithClient('Replica')
    const supervisor = await actorFor((await createStaff(db, { role: 'SUPERVISOR' })).id)
    const first = await createRequest(clientActor, { ...lounge, title: 'Before the pause' })
    const exported = async () => (await exportRequestRows(supervisor, today())).map((r) => r.title)
    await waitFor(async () => (await exported()).includes('Before the pause'), 10_000)
    expect(await replicaLagMs()).toBe(0)

    // The replica stops replaying: what the primary commits now is not on it yet.
    await on(cluster.replicaUrl(DB), 'SELECT pg_wal_replay_pause()')
    const second = await createRequest(clientActor, { ...lounge, title: 'During the pause' })
    // The console reads the primary: the butler sees the new request at once.
    expect((await getRequestDetail(butlerActor, second.id))?.title).toBe('During the pause')
    // The reading work does not: it is all served by the replica.
    expect(await exported()).toEqual(['Before the pause'])
    const mix = await categoryMix(supervisor, today())
    expect(mix.reduce((sum, m) => sum + m.count, 0)).toBe(1)
    const audit = await listAudit(supervisor, { action: 'request.created' })
    expect(audit.map((a) => a.entityId)).toEqual([first.id])

    // The lag is measured on the replica and said on the board once it passes the threshold.
    await sleep(1_200)
    expect(await replicaLagMs()).toBeGreaterThan(1_000)
    expect(await replicaLagNotice(1_000)).toBe(1)
    expect(await replicaLagNotice()).toBeNull()

    // Replay resumes: the replica catches up and the notice goes away.
    await on(cluster.replicaUrl(DB), 'SELECT pg_wal_replay_resume()')
    await waitFor(async () => (await exported()).includes('During the pause'), 10_000)
    expect((await listAudit(supervisor, { action: 'request.created' })).map((a) => a.entityId).sort()).toEqual(
      [first.id, second.id].sort(),
    )
    await waitFor(async () => (await replicaLagMs()) === 0, 5_000)
    expect(await replicaLagNotice(1_000)).toBeNull()
  })

  it('the replica refuses writes, so nothing can be written through the read client by mistake', async () => {
    await expect(readDb.slaPolicy.deleteMany({})).rejects.toThrow(/read-only/)
  })
})
