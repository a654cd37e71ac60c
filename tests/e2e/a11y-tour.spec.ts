import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures'
import { newSignedInPage, sql } from './helpers'
import { people } from './people'

// The accessibility tour: every page each role can reach, in both languages, against WCAG 2.2 AA.
// Any serious or critical axe finding fails the role's test, named by rule, element and page; a
// full-page screenshot of every page is kept with the test's results.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const LANGUAGES = [
  { db: 'zh_CN', cookie: 'zh-CN', name: 'zh' },
  { db: 'en', cookie: 'en', name: 'en' },
] as const

type Role = 'client' | 'delegate' | 'butler' | 'supervisor' | 'admin'
const WHO: Record<Role, { email: string; width: number }> = {
  client: { email: people.clientA, width: 375 },
  delegate: { email: people.delegateA, width: 375 },
  butler: { email: people.butlerA, width: 1440 },
  supervisor: { email: people.supervisor, width: 1440 },
  admin: { email: people.admin, width: 1440 },
}

// A request with a conversation, an internal note and a running clock, so the request pages,
// the queue and the boards show their full furniture.
let seeded: { requestId: string; clientId: string } | null = null
async function seed() {
  if (seeded) return seeded
  const [client] = await sql<{ id: string; userId: string }>(
    `SELECT id, "userId" FROM "Client" WHERE "displayName" = '王先生'`,
  )
  const [butler] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [people.butlerA])
  const [req] = await sql<{ id: string }>(
    `INSERT INTO "ServiceRequest" (id, "clientId", "createdById", "assigneeId", category, title, status, "updatedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, 'LIVING', '无障碍巡检：周六晚餐 4 位', 'IN_PROGRESS', now()) RETURNING id`,
    [client.id, client.userId, butler.id],
  )
  await sql(
    `INSERT INTO "Message" (id, "requestId", "authorId", visibility, body, "createdAt") VALUES
       (gen_random_uuid()::text, $1, $2, 'CLIENT', '请帮我订周六晚上 7 点的位子。', now() - interval '20 minutes'),
       (gen_random_uuid()::text, $1, $3, 'CLIENT', '好的王先生，我正在联系餐厅。', now() - interval '18 minutes'),
       (gen_random_uuid()::text, $1, $3, 'INTERNAL', '客户偏好靠窗座位。', now() - interval '17 minutes')`,
    [req.id, client.userId, butler.id],
  )
  await sql(
    `INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt", "atRiskAt")
     VALUES (gen_random_uuid()::text, $1, 'RESOLUTION', now() - interval '20 minutes', now() + interval '2 hours', now() - interval '1 minute')`,
    [req.id],
  )
  seeded = { requestId: req.id, clientId: client.id }
  return seeded
}

// The pages each role must reach; the tour adds whatever else their navigation links to.
function requiredPages(role: Role, s: { requestId: string; clientId: string }) {
  switch (role) {
    case 'client':
      return [
        '/portal',
        '/portal/requests/new',
        `/portal/requests/${s.requestId}`,
        '/portal/profile',
        '/account/password',
      ]
    case 'delegate':
      return ['/portal', '/portal/requests/new', `/portal/requests/${s.requestId}`, '/account/password']
    case 'butler':
      return [
        '/console',
        `/console/requests/${s.requestId}`,
        `/console/clients/${s.clientId}`,
        '/console/performance',
        '/account/photo',
        '/account/devices',
        '/account/password',
        '/account/two-factor',
      ]
    case 'supervisor':
      return [
        '/supervisor',
        '/supervisor/kpi',
        '/supervisor/kpi/requests?kind=firstResponse',
        '/supervisor/quality',
        '/supervisor/risk',
        '/supervisor/roster',
        '/supervisor/team',
        '/supervisor/wechat',
        '/supervisor/audit',
        `/console/requests/${s.requestId}`,
        '/account/devices',
        '/account/password',
        '/account/two-factor',
      ]
    case 'admin':
      return [
        '/admin',
        '/admin/sla',
        '/admin/vendors',
        '/admin/process',
        '/admin/risk',
        '/admin/channels',
        '/admin/privacy',
        '/admin/team-contact',
        '/account/devices',
        '/account/password',
        '/account/two-factor',
      ]
  }
}

// One page per shape of address: /console/requests/a and /console/requests/b are one page.
const shape = (path: string) => path.split('?')[0].replace(/\/[a-z0-9-]{20,}(?=\/|$)/gi, '/:id')

async function linkedPages(page: Page) {
  const hrefs = await page
    .locator('header a[href^="/"], nav a[href^="/"], main a[href^="/"]')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!))
  return hrefs
    .map((h) => h.split('#')[0])
    .filter((h) => !h.startsWith('/api/') && !h.startsWith('/dev/') && !h.includes('?') && h !== '/')
}

type Finding = { rule: string; impact: string; target: string; page: string; help: string }

async function audit(page: Page, testInfo: TestInfo, label: string): Promise<Finding[]> {
  // Live pills and toasts settle before the snapshot.
  await page.waitForLoadState('networkidle').catch(() => {})
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const file = testInfo.outputPath(`${label.replace(/[^\w-]+/g, '_')}.png`)
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach(label, { path: file, contentType: 'image/png' })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => ({
        rule: v.id,
        impact: v.impact!,
        target: n.target.join(' '),
        page: label,
        help: n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? v.help,
      })),
    )
}

async function tour(page: Page, role: Role, language: (typeof LANGUAGES)[number], testInfo: TestInfo) {
  const s = await seed()
  const queue = [...requiredPages(role, s)]
  const seen = new Set<string>()
  const findings: Finding[] = []
  const visited: string[] = []
  while (queue.length > 0 && visited.length < 30) {
    const path = queue.shift()!
    if (seen.has(shape(path))) continue
    seen.add(shape(path))
    const response = await page.goto(path)
    // A linked page the role may not open is not part of its tour; a required one must open.
    const landed = new URL(page.url()).pathname
    if (shape(landed) !== shape(path) || !response?.ok()) {
      expect(requiredPages(role, s), `${role} was turned away from ${path}`).not.toContain(path)
      continue
    }
    visited.push(shape(path))
    findings.push(...(await audit(page, testInfo, `${role}-${language.name}${shape(path).replaceAll('/', '-')}`)))
    for (const next of await linkedPages(page)) if (!seen.has(shape(next))) queue.push(next)
  }
  return { findings, visited }
}

const report = (findings: Finding[]) =>
  findings.map((f) => `${f.impact} ${f.rule} on ${f.page}: ${f.target} (${f.help})`)

for (const role of Object.keys(WHO) as Role[]) {
  test(`accessibility tour: every page a ${role} reaches, in Chinese and English`, async ({ browser }, testInfo) => {
    test.setTimeout(300_000)
    const who = WHO[role]
    const page = await newSignedInPage(browser, who.email, { width: who.width })
    const [{ locale }] = await sql<{ locale: string }>(`SELECT locale FROM "User" WHERE email = $1`, [who.email])
    const findings: Finding[] = []
    try {
      for (const language of LANGUAGES) {
        await sql(`UPDATE "User" SET locale = $2::"Locale" WHERE email = $1`, [who.email, language.db])
        const result = await tour(page, role, language, testInfo)
        // The page really is in the language being checked.
        await expect(page.locator('html')).toHaveAttribute('lang', language.cookie)
        expect(result.visited.length, `${role} pages`).toBeGreaterThanOrEqual(requiredPages(role, seeded!).length)
        findings.push(...result.findings)
      }
    } finally {
      await sql(`UPDATE "User" SET locale = $2::"Locale" WHERE email = $1`, [who.email, locale])
    }
    await testInfo.attach(`${role}-findings.json`, {
      body: JSON.stringify(findings, null, 2),
      contentType: 'application/json',
    })
    expect(report(findings), `serious or critical axe findings for ${role}`).toEqual([])
  })
}

test('accessibility tour: sign-in and offline pages, in Chinese and English', async ({ browser }, testInfo) => {
  const findings: Finding[] = []
  for (const language of LANGUAGES) {
    for (const [path, width] of [
      ['/login', 375],
      ['/login', 1440],
      ['/offline', 375],
    ] as const) {
      const context = await browser.newContext({ locale: language.cookie, viewport: { width, height: 900 } })
      await context.addCookies([{ name: 'NEXT_LOCALE', value: language.cookie, url: testInfo.project.use.baseURL! }])
      const page = await context.newPage()
      await page.goto(path)
      await expect(page.locator('html')).toHaveAttribute('lang', language.cookie)
      findings.push(...(await audit(page, testInfo, `visitor-${language.name}-${path.slice(1)}-${width}`)))
      await context.close()
    }
  }
  expect(report(findings), 'serious or critical axe findings for visitors').toEqual([])
})
