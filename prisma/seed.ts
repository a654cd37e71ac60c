// Demo data for `npm run dev` (and never for production): a small team and a few clients.
// Logins are listed in README.md.
import { db } from '../lib/db'
import { createClient, createDefaultPolicies, createDelegate, createProcessConfig, createStaff, createVendors } from '../tests/factories'

const PASSWORD = 'diamond-demo-2026'

async function main() {
  if (process.argv.includes('--if-empty') && (await db.user.count()) > 0) return
  const lin = await createStaff(db, { name: '林静 Lin Jing', email: 'butler.lin@diamond.test', password: PASSWORD })
  const zhou = await createStaff(db, { name: '周航 Zhou Hang', email: 'butler.zhou@diamond.test', password: PASSWORD })
  await createStaff(db, { role: 'SUPERVISOR', name: '陈敏 Chen Min', email: 'supervisor@diamond.test', password: PASSWORD })
  await createStaff(db, { role: 'ADMIN', name: 'Admin', email: 'admin@diamond.test', password: PASSWORD, locale: 'en' })

  const wang = await createClient(db, {
    name: '王先生 Mr Wang', email: 'wang@client.test', password: PASSWORD, tier: 'BLACK_DIAMOND',
    dedicatedButlerId: lin.id, backupButlerId: zhou.id, phone: '+86 138 0013 8000',
  })
  await createClient(db, {
    name: 'Ms Sophia Li', email: 'sophia@client.test', password: PASSWORD, timeZone: 'Europe/London', locale: 'en',
    dedicatedButlerId: zhou.id, backupButlerId: lin.id, phone: '+44 7700 900123',
  })
  await createDelegate(db, { clientId: wang.clientId, name: '王太太 Mrs Wang', email: 'mrs.wang@client.test', password: PASSWORD })

  await createDefaultPolicies(db)
  await createVendors(db)
  await createProcessConfig(db)
  console.log('Seeded demo users (password: %s)', PASSWORD)
}

await main()
await db.$disconnect()
