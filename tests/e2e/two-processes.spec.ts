import { expect, test } from '@playwright/test'
import { newSignedInPage, waitForLive } from './helpers'
import { people } from './people'
import { SECOND_URL } from '../../playwright.config'

test('a butler on one web process sees, live, a request submitted through another', async ({ browser }) => {
  const butler = await newSignedInPage(browser, people.butlerA)
  await waitForLive(butler)

  const context = await browser.newContext({ baseURL: SECOND_URL, viewport: { width: 375, height: 812 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const client = await context.newPage()
  await client.goto('/login')
  await client.locator('input[name="email"]').fill(people.clientA)
  await client.locator('input[name="password"]').fill('e2e-password-2026')
  await client.locator('form button[type="submit"]').click()
  await expect(client).toHaveURL(new RegExp(`^${SECOND_URL}/portal$`))
  await client.goto('/portal/requests/new')
  await client.getByText('其他', { exact: true }).click()
  await client.getByLabel('简要描述').fill('跨进程的需求')
  await client.getByRole('button', { name: '提交需求' }).click()
  await expect(client).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)

  await expect(butler.getByTestId('queue-row').filter({ hasText: '跨进程的需求' })).toBeVisible({ timeout: 2_000 })
})
