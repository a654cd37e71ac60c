import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { db, type Db } from '../../lib/db'
import { PrismaClient } from '../../lib/generated/prisma/client'
import { stopProducer } from '../../lib/jobs/boss'
import { postClientMessage, replyToRequest } from '../../lib/requests/conversation'
import { createRequest } from '../../lib/requests/lifecycle'
import { decideDueMarks } from '../../lib/sla/service'
import { teamWithClient, useResponsePolicy, waitFor } from './helpers'
import { serverDir } from './servers'

// docs/operations.md, "Restore": a custom-format dump of a running system, restored into a new
// database, with the app started on it.
const source = process.env.DATABASE_URL!
const restoredName = `${new URL(source).pathname.slice(1)}_restored`
const restoredUrl = Object.assign(new URL(source), { pathname: `/${restoredName}` }).toString()
const lounge = { category: 'TRAVEL' as const, title: 'Lounge', details: { service: 'LOUNGE' as const, passengers: 1 } }

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: Object.assign(new URL(source), { pathname: '/postgres' }).toString() })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status}: ${r.stderr}`)
}

// Everything the bank would miss: every request, message, clock and audit event, field by field.
async function snapshot(c: Db) {
  return {
    requests: await c.serviceRequest.findMany({ orderBy: { id: 'asc' } }),
    messages: await c.message.findMany({ orderBy: { id: 'asc' } }),
    clocks: await c.slaTimer.findMany({ orderBy: { id: 'asc' } }),
    audit: await c.auditEvent.findMany({ orderBy: { id: 'asc' } }),
  }
}

describe('a backup that has been restored', () => {
  const dir = serverDir('restore-')
  let restored: Db | undefined
  let worker: ChildProcess | undefined

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker!.once('exit', r))
      worker.kill('SIGTERM')
      await exited
    }
    await restored?.$disconnect()
    await admin(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`)
    rmSync(dir, { recursive: true, force: true })
    await stopProducer()
  })

  it('pg_dump of a running system restores into a new database the app starts on, with nothing missing', async () => {
    // A running system's data, written by the real services: requests, a conversation, clocks
    // met, breached and still open, and the audit events all of it records.
    await useResponsePolicy(1)
    const a = await teamWithClient('Restore A')
    const breached = await createRequest(a.clientActor, { ...lounge, title: 'Breached' })
    await waitFor(async () => (await decideDueMarks()).decided > 0, 5_000)
    await replyToRequest(a.butlerActor, { requestId: breached.id, body: '已为您预订贵宾室。', internal: false })
    await replyToRequest(a.butlerActor, { requestId: breached.id, body: 'Prefers window seats', internal: true })
    await postClientMessage(a.clientActor, { requestId: breached.id, body: 'Thank you' })
    await useResponsePolicy(180)
    const b = await teamWithClient('Restore B')
    const met = await createRequest(b.clientActor, { ...lounge, title: 'Met' })
    await replyToRequest(b.butlerActor, { requestId: met.id, body: 'On it.', internal: false })
    // Still running when the dump is taken: the app started on the restore must decide it.
    await useResponsePolicy(3)
    const open = await createRequest(b.clientActor, { ...lounge, title: 'Open' })
    const before = await snapshot(db)
    expect(before.messages.length).toBeGreaterThanOrEqual(4)
    expect(before.clocks.some((t) => t.breachedAt)).toBe(true)
    expect(before.clocks.some((t) => t.metAt)).toBe(true)
    expect(before.audit.length).toBeGreaterThan(5)

    // Back up with pg_dump (custom format), restore with pg_restore into a database of its own.
    const file = path.join(dir, 'backup.dump')
    run('pg_dump', ['--format=custom', '--file', file, source])
    await admin(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`)
    await admin(`CREATE DATABASE "${restoredName}"`)
    run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', restoredUrl, file])

    // The app's data layer on the restore finds every row as it was.
    restored = new PrismaClient({
      adapter: new PrismaPg({ connectionString: restoredUrl, max: 2 }),
      omit: { user: { passwordHash: true, totpSecret: true, inviteToken: true } },
    })
    expect(await snapshot(restored)).toEqual(before)

    // The app runs on it: the worker started on the restored database decides the clock that was
    // open at backup time, once, and its audit event follows the restored ones (sequences came back).
    worker = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'worker/index.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: restoredUrl,
        DATABASE_DIRECT_URL: restoredUrl,
        TSX_TSCONFIG_PATH: 'tsconfig.node.json',
        PROCESS_NAME: 'worker',
      },
      stdio: 'ignore',
    })
    const decided = await waitFor(async () => {
      const t = await restored!.slaTimer.findFirstOrThrow({ where: { requestId: open.id, kind: 'FIRST_RESPONSE' } })
      return t.breachedAt ? t : null
    }, 25_000)
    const breachAudit = await restored.auditEvent.findMany({ where: { entityId: decided.id, action: 'sla.breached' } })
    expect(breachAudit).toHaveLength(1)
    expect(breachAudit[0].id).toBeGreaterThan(before.audit.at(-1)!.id)
    await waitFor(() => restored!.workerHeartbeat.count(), 10_000)
    // ...on the restore only: nothing decided it on the source.
    const original = await db.slaTimer.findFirstOrThrow({ where: { requestId: open.id, kind: 'FIRST_RESPONSE' } })
    expect(original.breachedAt).toBeNull()
  }, 60_000)
})
