// How many SQL statements one submission, one client message and one reply cost, with their text:
// the cheapest CPU is the statement not sent. Prints to the console; runs on the test database.
import { createRequire } from 'node:module'
import { randomUUID } from 'node:crypto'
import { createSession, loadActor } from '../lib/auth/sessions'
import { db } from '../lib/db'
import { stopProducer } from '../lib/jobs/boss'
import { createRequest } from '../lib/requests/lifecycle'
import { postClientMessage, replyToRequest } from '../lib/requests/conversation'
import { resetDatabase } from '../tests/db-utils'
import { createClient, createDefaultPolicies, createProcessConfig, createStaff } from '../tests/factories'
import { runBench } from './harness'

const pg = createRequire(import.meta.url)('pg') as typeof import('pg')
const seen: string[] = []
const original = pg.Client.prototype.query
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  const q = args[0]
  seen.push((typeof q === 'string' ? q : ((q as { text?: string })?.text ?? '?')).replace(/\s+/g, ' ').slice(0, 160))
  return (original as (...a: unknown[]) => unknown).apply(this, args)
} as typeof original

async function counted(label: string, run: () => Promise<unknown>) {
  seen.length = 0
  await run()
  console.log(`\n== ${label}: ${seen.length} statements`)
  for (const s of seen) console.log('  ', s)
}

async function main() {
  await resetDatabase(process.env.DATABASE_URL!)
  await createDefaultPolicies(db)
  await createProcessConfig(db)
  const butler = await createStaff(db, { name: 'Count Butler' })
  const c = await createClient(db, { name: 'Count Client', dedicatedButlerId: butler.id })
  const client = (await loadActor(await createSession(c.userId)))!
  const staff = (await loadActor(await createSession(butler.id)))!
  const warm = await createRequest(client, { category: 'OTHER', title: 'Warm-up', details: {} })
  let id = warm.id
  await counted('loadActor', () => loadActor(client.sessionId))
  await counted('submission', async () => {
    id = (
      await createRequest(client, {
        category: 'OTHER',
        title: 'Flowers',
        details: {},
        description: 'White peonies',
        idempotencyKey: randomUUID(),
      })
    ).id
  })
  await counted('client message', () =>
    postClientMessage(client, { requestId: id, body: 'Ten minutes earlier?', idempotencyKey: randomUUID() }),
  )
  await counted('reply', () =>
    replyToRequest(staff, { requestId: id, body: 'Of course.', internal: false, idempotencyKey: randomUUID() }),
  )
  await stopProducer()
  await db.$disconnect()
}

runBench(main)
