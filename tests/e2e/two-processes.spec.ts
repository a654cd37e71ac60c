import { expect, test } from './fixtures'
import { newSignedInPage, waitForLive } from './helpers'
import { people } from './people'
import { SECOND_URL } from '../../playwright.config'

test('a butler on one web process sees, live, a request submitted through another', async ({ browser }) => {
  // Unique per attempt, so a retry never meets the first attempt's request.
  const title = `跨进程的需求 ${Date.now() % 100000}`
  const butler = await newSignedInPage(browser, people.butlerA)
  await waitForLive(butler)

  const context = await browser.newContext({
    baseURL: SECOND_URL,
    viewport: { width: 375, height: 812 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const client = await context.newPage()
  await client.goto('/login')
  await client.locator('input[name="email"]').fill(people.clientA)
  await client.locator('input[name="password"]').fill('e2e-password-2026')
  await client.locator('form button[type="submit"]').click()
  await expect(client).toHaveURL(new RegExp(`^${SECOND_URL}/portal$`))
  await client.goto('/portal/requests/new')
  await client.getByText('其他', { exact: true }).click()
  await client.getByLabel('简要描述').fill(title)
  await client.getByRole('button', { name: '提交需求' }).click()
  await expect(client).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)

  // No reload: the row arrives through PostgreSQL NOTIFY from the other process. The first
  // action on a cold process also starts its job-queue client, hence the roomier wait.
  await expect(butler.getByTestId('queue-row').filter({ hasText: title })).toBeVisible({ timeout: 5_000 })
})
