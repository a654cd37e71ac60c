// Demo data for `npm run dev` (and never for production): a small team and a few clients.
// Logins are listed in README.md.
import { db } from '../lib/db'
import { createClient, createDelegate, createReferenceData, createStaff } from '../tests/factories'
import { giveDemoPortrait, LOOKS } from './portraits'

const PASSWORD = 'diamond-demo-2026'

async function main() {
  if (process.argv.includes('--if-empty') && (await db.user.count()) > 0) return
  const lin = await createStaff(db, { name: '林静 Lin Jing', email: 'butler.lin@diamond.test', password: PASSWORD })
  const zhou = await createStaff(db, { name: '周航 Zhou Hang', email: 'butler.zhou@diamond.test', password: PASSWORD })
  // The butlers' faces, as the clients see them (the supervisor and admin keep their initials).
  await giveDemoPortrait(db, lin.id, LOOKS.lin)
  await giveDemoPortrait(db, zhou.id, LOOKS.zhou)
  await createStaff(db, {
    role: 'SUPERVISOR',
    name: '陈敏 Chen Min',
    email: 'supervisor@diamond.test',
    password: PASSWORD,
    totpSecret: null,
  })
  await createStaff(db, {
    role: 'ADMIN',
    name: 'Admin',
    email: 'admin@diamond.test',
    password: PASSWORD,
    locale: 'en',
    totpSecret: null,
  })

  const wang = await createClient(db, {
    name: '王先生 Mr Wang',
    email: 'wang@client.test',
    password: PASSWORD,
    tier: 'BLACK_DIAMOND',
    dedicatedButlerId: lin.id,
    backupButlerId: zhou.id,
    phone: '+86 138 0013 8000',
  })
  await createClient(db, {
    name: 'Ms Sophia Li',
    email: 'sophia@client.test',
    password: PASSWORD,
    timeZone: 'Europe/London',
    locale: 'en',
    dedicatedButlerId: zhou.id,
    backupButlerId: lin.id,
    phone: '+44 7700 900123',
  })
  await createDelegate(db, {
    clientId: wang.clientId,
    name: '王太太 Mrs Wang',
    email: 'mrs.wang@client.test',
    password: PASSWORD,
  })
  await db.client.update({ where: { id: wang.clientId }, data: { idDocument: 'E12345678' } })

  // A family, key dates a few days ahead (so the care list has something), and what the team knows.
  const soon = (days: number) => new Date(Date.UTC(1980, new Date().getUTCMonth(), new Date().getUTCDate() + days))
  const wife = await db.familyMember.create({
    data: {
      clientId: wang.clientId,
      name: '李女士',
      relation: '妻子 wife',
      birthday: soon(3),
      phone: '+86 139 0000 1234',
    },
  })
  const son = await db.familyMember.create({
    data: { clientId: wang.clientId, name: '王小明', relation: '儿子 son', birthday: soon(40) },
  })
  await db.keyDate.createMany({
    data: [
      {
        clientId: wang.clientId,
        familyMemberId: wife.id,
        kind: 'BIRTHDAY',
        label: '太太生日 wife’s birthday',
        date: soon(3),
      },
      {
        clientId: wang.clientId,
        familyMemberId: son.id,
        kind: 'BIRTHDAY',
        label: '儿子生日 son’s birthday',
        date: soon(40),
      },
      { clientId: wang.clientId, kind: 'ANNIVERSARY', label: '结婚纪念日 wedding anniversary', date: soon(6) },
    ],
  })
  await db.preference.createMany({
    data: [
      { clientId: wang.clientId, topic: '饮食 Diet', value: '不吃海鲜 no shellfish' },
      { clientId: wang.clientId, topic: '座位 Seating', value: '靠窗 window' },
      { clientId: wang.clientId, topic: '酒店 Hotels', value: '半岛、安缦 Peninsula, Aman' },
      { clientId: wang.clientId, topic: '航空 Airlines', value: '国航头等舱 Air China First' },
    ],
  })
  await db.clientNote.create({
    data: {
      clientId: wang.clientId,
      authorId: lin.id,
      pinned: true,
      body: '王先生不喜欢电话打扰，优先微信文字沟通。Prefers messages to calls.',
    },
  })

  await createReferenceData(db)
  // This week's roster: three 8-hour shifts a day, alternating, so the grid shows full cover.
  const monday = new Date()
  monday.setUTCHours(0, 0, 0, 0)
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7))
  const shifts = []
  for (let day = 0; day < 7; day++) {
    for (let part = 0; part < 3; part++) {
      const startsAt = new Date(monday.getTime() + (day * 24 + part * 8) * 3600_000)
      shifts.push({
        butlerId: (day + part) % 2 ? zhou.id : lin.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
      })
    }
  }
  await db.shift.createMany({ data: shifts })
  // The team's 24x7 line, shown on the butler card and the offline page (admins change it).
  await db.teamContact.upsert({ where: { id: 'team' }, create: { id: 'team', phone: '+86 400 820 8820' }, update: {} })
  console.log('Seeded demo users (password: %s)', PASSWORD)
}

await main()
await db.$disconnect()
