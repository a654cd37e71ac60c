import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { newSignedInPage, sql, waitForLive } from './helpers'
import { people } from './people'

const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)

test('at 375 px: a client files an airport transfer with a family member, sees the reply live, and rates it', async ({
  browser,
}) => {
  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  await expect(client.getByTestId('butler-duty')).toHaveText('当前在岗')
  await client.getByRole('link', { name: '新的需求' }).click()
  await expect(client.getByTestId('preferences-hint')).toContainText('奔驰 S 级')
  await client.getByLabel('简要描述').fill('浦东机场接机 带太太')
  await client.getByLabel('航班号').fill('CA982')
  await client.getByText('李女士').click()
  await expect(client.getByLabel('乘客人数')).toHaveValue('2')
  await client.getByRole('button', { name: '提交需求' }).click()
  await expect(client).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)
  await expect(client.getByText('李女士')).toBeVisible()
  await waitForLive(client)
  const requestId = client.url().split('/').pop()!

  const butler = await newSignedInPage(browser, people.butlerA)
  await butler.goto(`/console/requests/${requestId}`)
  await butler.getByRole('textbox', { name: '回复 王先生' }).fill('已安排两位的接机，司机会举牌等候。')
  await butler.getByRole('button', { name: '发送' }).click()
  await expect(client.getByText('已安排两位的接机，司机会举牌等候。')).toBeVisible()
  await butler.locator('#status-next').selectOption({ label: '已完成' })
  await butler.getByRole('button', { name: '确定' }).click()

  await expect(client.getByTestId('rating')).toBeVisible()
  await client.getByRole('radio', { name: '5 星（满分 5 星）' }).check({ force: true })
  await client.getByLabel('想告诉我们的话（可选）').fill('司机非常准时')
  await client.getByRole('button', { name: '提交评价' }).click()
  await expect(client.getByText('感谢您的评价：5 星')).toBeVisible()
  await butler.reload()
  await expect(butler.getByTestId('client-rating')).toContainText('司机非常准时')

  // An email was queued for the reply, in Chinese.
  const mails = await sql<{ subject: string }>(`SELECT subject FROM "Outbox" WHERE subject LIKE $1`, [
    '%浦东机场接机 带太太%',
  ])
  expect(mails.map((m) => m.subject)).toContain('管家已回复：浦东机场接机 带太太')
})

test('a delegate invited by client A acts for A, sees nothing of B, and is refused right after revocation', async ({
  browser,
}) => {
  const email = `helper-${Date.now()}@e2e.test`
  const a = await newSignedInPage(browser, people.clientA, { width: 375 })
  await a.goto('/portal/profile')
  const delegates = a.getByTestId('delegates')
  // Read-only cards: the invitation is written in a sheet, with labels rather than placeholders.
  await delegates.getByRole('button', { name: '邀请' }).click()
  const sheet = a.getByRole('dialog', { name: '邀请代办人' })
  await sheet.getByLabel('邮箱').fill(email)
  await sheet.getByLabel('关系').fill('助理')
  await sheet.getByRole('button', { name: '发送邀请' }).click()
  await expect(sheet).toBeHidden()
  await expect(delegates.getByTestId('delegate').filter({ hasText: email })).toBeVisible()

  const [mail] = await sql<{ body: string }>(`SELECT body FROM "Outbox" WHERE "toEmail" = $1`, [email])
  const invitePath = /\/invite\/[\w-]+/.exec(mail.body)![0]

  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const helper = await context.newPage()
  await helper.goto(invitePath)
  await helper.getByLabel('您的姓名').fill('小陈')
  await helper.getByLabel('设置密码').fill('helper-password-1')
  await helper.getByRole('button', { name: '接受邀请' }).click()
  await expect(helper.getByText('账户已创建。')).toBeVisible()
  await helper.goto('/login')
  await helper.locator('input[name="email"]').fill(email)
  await helper.locator('input[name="password"]').fill('helper-password-1')
  await helper.locator('form button[type="submit"]').click()
  await expect(helper).toHaveURL(/\/portal$/)
  // She is told on whose behalf she acts: under the header, on the new request, in the composer.
  await expect(helper.getByTestId('acting-for').first()).toHaveText(/代 王先生 办理/)

  await helper.getByRole('link', { name: '新的需求' }).click()
  await expect(helper.locator('main').getByTestId('acting-for')).toHaveText(/代 王先生 办理/)
  await helper.getByText('其他', { exact: true }).click()
  await helper.getByLabel('简要描述').fill('代王先生预订理发')
  await helper.getByRole('button', { name: '提交需求' }).click()
  await expect(helper).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)
  const [filed] = await sql<{ name: string }>(
    `SELECT c."displayName" AS name FROM "ServiceRequest" r JOIN "Client" c ON c.id = r."clientId" WHERE r.title = $1`,
    ['代王先生预订理发'],
  )
  expect(filed.name).toBe('王先生')

  const [bRequest] = await sql<{ id: string }>(
    `SELECT r.id FROM "ServiceRequest" r JOIN "Client" c ON c.id = r."clientId" WHERE c."displayName" = 'Sophia Li' LIMIT 1`,
  )
  if (bRequest) expect((await helper.goto(`/portal/requests/${bRequest.id}`))?.status()).toBe(404)

  await helper.goto('/portal')
  await helper.getByText('代王先生预订理发').click()
  await expect(helper.locator('form').getByTestId('acting-for')).toHaveText(/代 王先生 办理/)
  await a.goto('/portal/profile')
  const row = a.getByTestId('delegate').filter({ hasText: email })
  // Revoking asks first; keeping it changes nothing.
  await row.getByRole('button', { name: '撤销' }).click()
  await expect(row.getByRole('group')).toContainText(`立即撤销 ${email} 的授权？`)
  await row.getByRole('button', { name: '保留' }).click()
  await expect(row).toBeVisible()
  await row.getByRole('button', { name: '撤销' }).click()
  await row.getByRole('group').getByRole('button', { name: '撤销' }).click()
  await expect(a.getByTestId('delegate').filter({ hasText: email })).toHaveCount(0)

  await helper.getByLabel('给管家留言').fill('还在吗？')
  await helper.getByRole('button', { name: '发送' }).click()
  await expect(helper.locator('form [role="alert"]')).toHaveText('该需求不存在或您无权查看。')
  expect(await sql(`SELECT 1 FROM "Message" WHERE body = $1`, ['还在吗？'])).toHaveLength(0)
})

test('portal pages have no serious accessibility violations', async ({ browser }) => {
  const page = await newSignedInPage(browser, people.clientA, { width: 375 })
  for (const path of ['/portal', '/portal/requests/new', '/portal/profile']) {
    await page.goto(path)
    expect(await seriousViolations(page), path).toEqual([])
  }
  await page.goto('/portal/requests/new')
  await page.getByText('其他', { exact: true }).click()
  await page.getByLabel('简要描述').fill('无障碍检查')
  await page.getByRole('button', { name: '提交需求' }).click()
  await expect(page).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)
  expect(await seriousViolations(page), 'request page').toEqual([])
  const anonymous = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await anonymous.goto('/login')
  expect(await seriousViolations(anonymous), '/login').toEqual([])
})
