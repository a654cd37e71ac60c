import { newTotpSecret, sealSecret } from '../lib/auth/totp'
// One set of factories feeds the demo seed, the integration tests and the e2e set-up.
import { hashPassword } from '../lib/auth/sessions'
import type { Db } from '../lib/db'
import type { ClientTier, Locale, Role } from '../lib/generated/prisma/enums'

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

// bcrypt at cost 12 is slow on purpose; factories hash each distinct password once.
const hashes = new Map<string, Promise<string>>()
const hashed = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password))
  return hashes.get(password)!
}

// Supervisors and admins get an authenticator by default, as they must have one to work;
// pass totpSecret: null for one who has not set it up yet.
export async function createStaff(
  db: Db,
  o: {
    role?: Extract<Role, 'BUTLER' | 'SUPERVISOR' | 'ADMIN'>
    name?: string
    email?: string
    password?: string
    onDuty?: boolean
    locale?: Locale
    timeZone?: string
    authorityLimit?: number
    totpSecret?: string | null
  } = {},
) {
  const role = o.role ?? 'BUTLER'
  const totpSecret = o.totpSecret === undefined ? (role === 'BUTLER' ? null : newTotpSecret()) : o.totpSecret
  const user = await db.user.create({
    data: {
      email: o.email ?? `staff-${unique()}@butler.test`,
      passwordHash: await hashed(o.password ?? 'correct horse battery'),
      role,
      name: o.name ?? 'Test Butler',
      onDuty: o.onDuty ?? true,
      locale: o.locale ?? 'zh_CN',
      timeZone: o.timeZone ?? 'Asia/Shanghai',
      authorityLimit: o.authorityLimit ?? (role === 'BUTLER' ? 5000 : null),
      ...(totpSecret
        ? { totpSecret: sealSecret(totpSecret, process.env.AUTH_SECRET!), totpEnabledAt: new Date() }
        : {}),
    },
    select: { id: true, email: true, name: true, role: true },
  })
  return { ...user, totpSecret }
}

export async function createClient(
  db: Db,
  o: {
    name?: string
    email?: string
    password?: string
    tier?: ClientTier
    timeZone?: string
    locale?: Locale
    dedicatedButlerId?: string
    backupButlerId?: string
    phone?: string
  } = {},
) {
  const name = o.name ?? 'Test Client'
  const user = await db.user.create({
    data: {
      email: o.email ?? `client-${unique()}@client.test`,
      passwordHash: await hashed(o.password ?? 'correct horse battery'),
      role: 'CLIENT',
      name,
      locale: o.locale ?? 'zh_CN',
      timeZone: o.timeZone ?? 'Asia/Shanghai',
    },
    select: { id: true, email: true },
  })
  const client = await db.client.create({
    data: {
      userId: user.id,
      displayName: name,
      tier: o.tier ?? 'DIAMOND',
      timeZone: o.timeZone ?? 'Asia/Shanghai',
      language: o.locale ?? 'zh_CN',
      phone: o.phone,
      dedicatedButlerId: o.dedicatedButlerId,
      backupButlerId: o.backupButlerId,
    },
    select: { id: true },
  })
  return { userId: user.id, email: user.email, clientId: client.id, name }
}

export async function createDelegate(
  db: Db,
  o: { clientId: string; name?: string; email?: string; password?: string },
) {
  const user = await db.user.create({
    data: {
      email: o.email ?? `delegate-${unique()}@client.test`,
      passwordHash: await hashed(o.password ?? 'correct horse battery'),
      role: 'DELEGATE',
      name: o.name ?? 'Test Delegate',
    },
    select: { id: true, email: true },
  })
  await db.delegate.create({
    data: { clientId: o.clientId, userId: user.id, email: user.email, relation: 'assistant', status: 'ACTIVE' },
  })
  return { userId: user.id, email: user.email }
}

// The standard promise as editable policy rows: 3-minute responses, resolution per category.
export async function createDefaultPolicies(db: Db, response = { target: 180, atRisk: 120, handoff: 150 }) {
  const { DEFAULT_RESOLUTION_SECONDS } = await import('../lib/sla/service')
  await db.slaPolicy.createMany({
    data: [
      ...(['FIRST_RESPONSE', 'NEXT_RESPONSE'] as const).map((kind) => ({
        kind,
        targetSeconds: response.target,
        atRiskSeconds: response.atRisk,
        handoffSeconds: response.handoff,
      })),
      ...Object.entries(DEFAULT_RESOLUTION_SECONDS).map(([category, target]) => ({
        kind: 'RESOLUTION' as const,
        category: category as keyof typeof DEFAULT_RESOLUTION_SECONDS,
        targetSeconds: target,
        atRiskSeconds: Math.round(target * 0.75),
      })),
    ],
  })
}

export async function createVendors(db: Db) {
  const vendors = [
    { name: '东方豪华车队 Orient Limousine', kind: 'car', city: '上海' },
    { name: '半岛酒店 The Peninsula', kind: 'hotel', city: '上海' },
    { name: '和睦家医院 United Family', kind: 'hospital', city: '北京' },
    { name: 'Ultraviolet by Paul Pairet', kind: 'restaurant', city: '上海' },
    { name: 'Heathrow VIP', kind: 'lounge', city: 'London' },
  ]
  await db.vendor.createMany({ data: vendors })
  return db.vendor.findMany({ select: { id: true, name: true } })
}

// What a working system has before its first client: SLA policies, vendors, checklists and
// canned replies.
export async function createReferenceData(db: Db) {
  await createDefaultPolicies(db)
  await createVendors(db)
  await createProcessConfig(db)
}

// Categories with their standard steps and canned replies in both languages.
export async function createProcessConfig(db: Db) {
  const config = {
    TRAVEL: {
      zh: '出行',
      en: 'Travel',
      steps: [
        ['确认航班与人数', 'Confirm flight and passengers'],
        ['预订车辆或贵宾厅', 'Book car or lounge'],
        ['向客户发送司机与车牌', 'Send driver and plate to client'],
        ['出行前一天再次确认', 'Reconfirm the day before'],
      ],
    },
    HEALTH: {
      zh: '健康',
      en: 'Health',
      steps: [
        ['确认医院、科室与就诊人', 'Confirm hospital, department and patient'],
        ['预约专家号', 'Book the specialist'],
        ['安排陪诊', 'Arrange accompaniment'],
        ['就诊后回访', 'Follow up after the visit'],
      ],
    },
    EDUCATION: {
      zh: '子女教育',
      en: 'Education',
      steps: [
        ['了解学生情况与目标', 'Understand the student and goals'],
        ['筛选学校或项目', 'Shortlist schools or programmes'],
        ['安排参观或面试', 'Arrange visits or interviews'],
      ],
    },
    LIVING: {
      zh: '品质生活',
      en: 'Quality living',
      steps: [
        ['确认时间、人数与偏好', 'Confirm time, party and preferences'],
        ['预订并取得确认号', 'Book and get a confirmation'],
        ['告知客户确认信息', 'Send the confirmation to the client'],
      ],
    },
    OTHER: {
      zh: '其他',
      en: 'Other',
      steps: [
        ['明确需求', 'Clarify the need'],
        ['分类并制定方案', 'Classify and plan'],
      ],
    },
  } as const
  for (const [category, c] of Object.entries(config) as [keyof typeof config, (typeof config)[keyof typeof config]][]) {
    await db.categoryConfig.create({ data: { category, nameZh: c.zh, nameEn: c.en } })
    await db.checklistStep.createMany({
      data: c.steps.map(([labelZh, labelEn], position) => ({ category, position, labelZh, labelEn })),
    })
    await db.cannedReply.createMany({
      data: [
        {
          category,
          locale: 'zh_CN',
          title: '已收到',
          body: '您好，已收到您的需求，我正在为您安排，稍后向您确认细节。',
        },
        {
          category,
          locale: 'en',
          title: 'Received',
          body: 'Thank you, I have your request and am arranging it now. I will confirm the details shortly.',
        },
        { category, locale: 'zh_CN', title: '已确认', body: '已为您确认，详情如下：' },
        { category, locale: 'en', title: 'Confirmed', body: 'All confirmed. Here are the details:' },
      ],
    })
  }
}
