import { expect, test } from './fixtures'
import { newSignedInPage, sql } from './helpers'
import { people } from './people'

test('a supervisor scores a sampled request and the butler sees the feedback', async ({ browser }) => {
  // A request of butler A finished last week, waiting to be sampled.
  const [client] = await sql<{ id: string; userId: string }>(
    `SELECT id, "userId" FROM "Client" WHERE "displayName" = '王先生'`,
  )
  const [butler] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [people.butlerA])
  const [req] = await sql<{ id: string }>(
    `INSERT INTO "ServiceRequest" (id, "clientId", "createdById", "assigneeId", category, title, status, "updatedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, 'LIVING', '上周的花艺布置', 'CLOSED', now()) RETURNING id`,
    [client.id, client.userId, butler.id],
  )
  await sql(
    `INSERT INTO "SlaTimer" (id, "requestId", kind, "startedAt", "dueAt", "metAt")
     VALUES (gen_random_uuid()::text, $1, 'RESOLUTION', now() - interval '8 days', now() - interval '8 days', date_trunc('week', now()) - interval '2 days')`,
    [req.id],
  )

  const supervisor = await newSignedInPage(browser, people.supervisor)
  await supervisor.goto('/supervisor/quality')
  await supervisor.getByRole('button', { name: '立即抽样上周' }).click()
  const item = supervisor.getByTestId('qa-item').filter({ hasText: '上周的花艺布置' })
  await expect(item).toBeVisible()
  for (const [label, value] of [
    ['及时性', '5'],
    ['礼貌', '5'],
    ['准确性', '4'],
    ['完整性', '4'],
    ['主动性', '3'],
  ]) {
    await item.getByLabel(label).selectOption(value)
  }
  await item.getByLabel('给管家的反馈').fill('下次可以提前告知花材替换。')
  await item.getByRole('button', { name: '保存评分' }).click()
  await expect(item).toHaveCount(0)

  const b = await newSignedInPage(browser, people.butlerA)
  await b.getByRole('link', { name: '我的质检' }).click()
  await expect(b.getByTestId('qa-feedback')).toContainText('下次可以提前告知花材替换。')
  await expect(b.getByTestId('qa-average')).toHaveText('4.20')
})

test('a roster gap appears when a shift is removed', async ({ browser }) => {
  const supervisor = await newSignedInPage(browser, people.supervisor)
  await supervisor.goto('/supervisor/roster')
  const gaps = async () => Number((await supervisor.getByTestId('gap-count').textContent())!.match(/\d+/)![0])
  const before = await gaps()
  const form = supervisor.locator('form').filter({ has: supervisor.getByLabel('时长（小时）') })
  await form.getByLabel('管家').selectOption({ label: '林静' })
  await form.getByLabel('开始').selectOption('8')
  await form.getByLabel('时长（小时）').fill('8')
  await form.getByRole('button', { name: '新增' }).click()
  await expect.poll(gaps).toBe(before - 8)
  const shift = supervisor.getByTestId('shift').filter({ hasText: '林静' }).first()
  // Deleting asks first; keeping the shift changes nothing.
  await shift.getByRole('button', { name: '删除' }).click()
  await shift.getByRole('button', { name: '保留' }).click()
  await expect(shift.getByRole('button', { name: '删除' })).toBeFocused()
  expect(await gaps()).toBe(before - 8)
  await shift.getByRole('button', { name: '删除' }).click()
  await expect(shift.getByRole('group', { name: '删除这个班次？' })).toBeVisible()
  await shift.getByRole('button', { name: '删除班次' }).click()
  await expect.poll(gaps).toBe(before)
  await expect(supervisor.locator('[data-gap]').first()).toBeVisible()
})

test('a disabled butler is signed out on their next request', async ({ browser }) => {
  const [{ email }] = await sql<{ email: string }>(
    `INSERT INTO "User" (id, email, "passwordHash", role, name, "updatedAt")
     SELECT gen_random_uuid()::text, 'leaving@e2e.test', "passwordHash", 'BUTLER', '离职管家', now() FROM "User" WHERE email = $1 RETURNING email`,
    [people.butlerA],
  )
  const butler = await newSignedInPage(browser, email)
  await expect(butler).toHaveURL(/\/console/)

  const admin = await newSignedInPage(browser, people.admin)
  const row = admin.getByTestId('staff-row').filter({ hasText: email })
  await row.getByRole('button', { name: '停用' }).click()
  // Nothing happens until the admin confirms.
  await expect(row.getByRole('group', { name: '停用 离职管家？其账户将立即无法使用。' })).toBeVisible()
  await row.getByRole('group').getByRole('button', { name: '停用' }).click()
  await expect(row.getByRole('button', { name: '启用' })).toBeVisible()

  await butler.reload()
  await expect(butler).toHaveURL(/\/login/)
})

test('the audit log reads as sentences in the viewer’s language, linked to what they are about', async ({
  browser,
}) => {
  const supervisor = await newSignedInPage(browser, people.supervisor)
  await supervisor.goto('/supervisor/audit?action=auth')
  const log = supervisor.getByTestId('audit')
  await expect(log.getByTestId('audit-entry').filter({ hasText: '陈敏 登录了系统' }).first()).toBeVisible()
  // No codes, ids or JSON reach the page.
  await expect(log).not.toContainText('auth.sign_in')
  await expect(log).not.toContainText('{')
  // Opening a client's profile is recorded, and the sentence links to the profile.
  const [client] = await sql<{ id: string }>(`SELECT id FROM "Client" WHERE "displayName" = '王先生'`)
  await supervisor.goto(`/console/clients/${client.id}`)
  await supervisor.goto('/supervisor/audit?action=client')
  const viewed = log.getByTestId('audit-entry').filter({ hasText: '陈敏 查看了 王先生 的客户档案' }).first()
  await viewed.getByRole('link', { name: '王先生' }).click()
  await expect(supervisor).toHaveURL(new RegExp(`/console/clients/${client.id}$`))
})

test('SLA targets are set in minutes and hours', async ({ browser }) => {
  const admin = await newSignedInPage(browser, people.admin)
  await admin.goto('/admin/sla')
  const row = admin
    .locator('tr')
    .filter({ has: admin.getByRole('option', { name: '首次响应', selected: true }) })
    .first()
  await expect(row.getByLabel('目标时限', { exact: true })).toHaveValue('3')
  await expect(row.getByLabel('目标时限：单位')).toHaveValue('min')
  const [before] = await sql<{ id: string }>(
    `SELECT id FROM "SlaPolicy" WHERE kind = 'FIRST_RESPONSE' AND active AND category IS NULL AND tier IS NULL`,
  )
  try {
    await row.getByLabel('目标时限', { exact: true }).fill('0.5')
    await row.getByLabel('目标时限：单位').selectOption('h')
    await row.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(
        async () =>
          (await sql<{ t: number }>(`SELECT "targetSeconds" AS t FROM "SlaPolicy" WHERE id = $1`, [before.id]))[0].t,
      )
      .toBe(1800)
  } finally {
    await sql(`UPDATE "SlaPolicy" SET "targetSeconds" = 180 WHERE id = $1`, [before.id])
  }
})
