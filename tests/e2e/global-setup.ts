import { db } from '../../lib/db'
import { assertLocalDatabase, resetDatabase } from '../db-utils'
import {
  createClient,
  createDefaultPolicies,
  createDelegate,
  createProcessConfig,
  createStaff,
  createVendors,
} from '../factories'
import { E2E_PASSWORD, people, TOTP_SECRETS } from './people'

// A known cast for the browser tests. Runs before the web server and worker start.
export default async function globalSetup() {
  assertLocalDatabase(process.env.DATABASE_URL)
  await resetDatabase(process.env.DATABASE_URL!)
  const lin = await createStaff(db, { name: '林静', email: people.butlerA, password: E2E_PASSWORD })
  const zhou = await createStaff(db, { name: '周航', email: people.butlerB, password: E2E_PASSWORD })
  await createStaff(db, {
    role: 'SUPERVISOR',
    name: '陈敏',
    email: people.supervisor,
    password: E2E_PASSWORD,
    totpSecret: TOTP_SECRETS[people.supervisor],
  })
  await createStaff(db, {
    role: 'SUPERVISOR',
    name: '高远',
    email: people.newSupervisor,
    password: E2E_PASSWORD,
    totpSecret: null,
  })
  await createStaff(db, {
    role: 'ADMIN',
    name: 'Admin',
    email: people.admin,
    password: E2E_PASSWORD,
    totpSecret: TOTP_SECRETS[people.admin],
  })
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
  await createDefaultPolicies(db)
  await createVendors(db)
  await createProcessConfig(db)
  await db.$disconnect()
}
