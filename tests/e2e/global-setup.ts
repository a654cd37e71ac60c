import { db } from '../../lib/db'
import { assertLocalDatabase, resetDatabase } from '../db-utils'
import { createClient, createDelegate, createReferenceData, createStaff } from '../factories'
import { E2E_PASSWORD, people, TOTP_SECRETS } from './people'

// A known cast for the browser tests. Runs before the web server and worker start.
export default async function globalSetup() {
  assertLocalDatabase(process.env.DATABASE_URL)
  await resetDatabase(process.env.DATABASE_URL!)
  const lin = await createStaff(db, { name: '林静', email: people.butlerA, password: E2E_PASSWORD })
  const zhou = await createStaff(db, { name: '周航', email: people.butlerB, password: E2E_PASSWORD })
  // Those with an authenticator have a known secret; the new supervisor has not set one up yet.
  const staff = [
    ['SUPERVISOR', '陈敏', people.supervisor],
    ['SUPERVISOR', '高远', people.newSupervisor],
    ['ADMIN', 'Admin', people.admin],
  ] as const
  for (const [role, name, email] of staff)
    await createStaff(db, { role, name, email, password: E2E_PASSWORD, totpSecret: TOTP_SECRETS[email] ?? null })
  const a = await createClient(db, {
    name: '王先生',
    email: people.clientA,
    password: E2E_PASSWORD,
    dedicatedButlerId: lin.id,
    backupButlerId: zhou.id,
  })
  await createClient(db, {
    name: 'Sophia Li',
    email: people.clientB,
    password: E2E_PASSWORD,
    dedicatedButlerId: zhou.id,
    locale: 'en',
    timeZone: 'Europe/London',
  })
  await createDelegate(db, { clientId: a.clientId, email: people.delegateA, password: E2E_PASSWORD, name: '王太太' })
  await db.familyMember.create({ data: { clientId: a.clientId, name: '李女士', relation: '妻子' } })
  await db.preference.create({ data: { clientId: a.clientId, topic: '用车', value: '奔驰 S 级' } })
  await createReferenceData(db)
  await db.$disconnect()
}
